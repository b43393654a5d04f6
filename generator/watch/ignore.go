package watch

import "strings"

// ignoredName reports whether a file or folder called name (a base name, not a path) is
// never worth a rebuild: a hidden file or one of the temporary files editors and tools
// write next to the file being saved. The list follows Hugo's event hygiene.
func ignoredName(name string) bool {
	switch {
	case name == "":
		return true
	case strings.HasPrefix(name, "."):
		// Hidden files and folders (.git, .DS_Store), and with them vim's .x.md.swp,
		// emacs's .#x.md lock, GNOME's .goutputstream-XXXXXX, VS Code's .x.md.tmp123
		// and faqcast's own .faqcast-tmp-* files.
		return true
	case name == "4913":
		// vim's probe that the folder is writable, written and removed before a save.
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		// emacs's auto-save file #x.md#.
		return true
	case len(name) == 9 && strings.HasPrefix(name, "sed") && strings.ContainsFunc(name[3:], isUpperOrDigit) &&
		!strings.ContainsFunc(name[3:], func(r rune) bool { return !isAlnum(r) }):
		// sed -i's sedXXXXXX (six random letters and digits), renamed over
		// the file it edits; a name of lower-case letters alone, such as
		// a folder called sedatives, is a name.
		return true
	case strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, ".bak"),
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	return false
}

// isUpperOrDigit reports whether r is an ASCII capital or digit.
func isUpperOrDigit(r rune) bool { return 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' }

// isAlnum reports whether r is an ASCII letter or digit.
func isAlnum(r rune) bool { return isUpperOrDigit(r) || 'a' <= r && r <= 'z' }
