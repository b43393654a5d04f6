package locale

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/text/language"
)

// Starter returns the catalogue file a site starts language lang with,
// from the theme def: faqcast's own file when it ships the language (or
// the language of lang without its region, such as es for es-MX), else its
// English file, headed by a note that asks for every message to be
// translated. A site saves it as templates/i18n/<lang>.yaml.
func Starter(def fs.FS, lang string) ([]byte, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		return nil, fmt.Errorf("%q is not a language tag", lang)
	}
	names, err := fs.Glob(def, Dir+"/*.yaml")
	if err != nil {
		return nil, err
	}
	var langs []string
	for _, n := range names {
		langs = append(langs, strings.TrimSuffix(path.Base(n), ".yaml"))
	}
	if have := match(tag.String(), langs); have != "" {
		return fs.ReadFile(def, path.Join(Dir, have+".yaml"))
	}
	en, err := fs.ReadFile(def, path.Join(Dir, Reference+".yaml"))
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# Messages in %s (%s), to translate. faqcast wrote this file from its\n"+
		"# English messages: translate every text in quotes or after a colon, and\n"+
		"# keep the keys and the placeholders in braces as they are. Save it as\n"+
		"# templates/i18n/%s.yaml in the site.\n\n", Name(tag.String()), tag, tag)
	return append([]byte(head), en...), nil
}
