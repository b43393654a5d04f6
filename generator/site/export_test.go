package site

import "github.com/faqcast/faqcast/internal/pack"

// PackAll makes a Render of o pack every page it renders with pk.
func PackAll(o *Options, pk *pack.Packer) {
	o.Packer, o.keepPlain = pk, 1
}
