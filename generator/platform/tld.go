package platform

import (
	"slices"
	"strings"
)

// tlds lists the top-level domains a URL written without a scheme may end
// in: every two-letter country-code TLD in the root zone, the original
// generic TLDs, and the newer generic TLDs in common use, health care's
// among them. It leaves out the names reserved by RFC 2606 and RFC 6761
// (example, test, invalid, localhost) and other special-use names such as
// local and onion. The list is ASCII and lower case, sorted; read-only.
//
// twitter-text holds the whole IANA list (about 1,500 names); this one is
// shorter, so a bare domain under a rare TLD is not a URL here although X
// may link it. Write such links with https:// to be safe.
var tlds = []string{
	"ac", "academy", "accountant", "accountants", "actor", "ad", "adult",
	"ae", "aero", "af", "ag", "agency", "ai", "airforce", "al", "am", "ao",
	"apartments", "app", "aq", "ar", "army", "art", "as", "asia",
	"associates", "at", "attorney", "au", "auction", "audio", "auto", "aw",
	"ax", "az", "ba", "baby", "band", "bank", "bar", "bargains", "bb",
	"bd", "be", "beer", "best", "bf", "bg", "bh", "bi", "bike", "bio",
	"biz", "bj", "black", "blog", "blue", "bm", "bn", "bo", "boutique",
	"br", "bs", "bt", "build", "builders", "business", "buzz", "bv", "bw",
	"by", "bz", "ca", "cab", "cafe", "camera", "camp", "capital", "car",
	"cards", "care", "career", "careers", "cash", "cat", "cc", "cd",
	"center", "ceo", "cf", "cg", "ch", "charity", "chat", "cheap",
	"church", "ci", "city", "ck", "cl", "claims", "cleaning", "click",
	"clinic", "clothing", "cloud", "club", "cm", "cn", "co", "coach",
	"codes", "coffee", "college", "com", "community", "company",
	"computer", "consulting", "contractors", "cool", "coop", "coupons",
	"courses", "cr", "credit", "cruises", "cu", "cv", "cw", "cx", "cy",
	"cz", "dance", "dating", "de", "deals", "degree", "delivery", "dental",
	"dentist", "design", "dev", "diet", "digital", "direct", "directory",
	"discount", "dj", "dk", "dm", "do", "doctor", "dog", "domains", "dz",
	"ec", "edu", "education", "ee", "eg", "email", "energy", "engineer",
	"engineering", "enterprises", "equipment", "er", "es", "estate", "et",
	"eu", "events", "exchange", "expert", "express", "fail", "faith",
	"family", "fan", "farm", "fashion", "fi", "film", "finance",
	"financial", "fish", "fit", "fitness", "fj", "fk", "flights",
	"florist", "fm", "fo", "football", "forsale", "foundation", "fr",
	"fund", "furniture", "futbol", "fyi", "ga", "gallery", "game", "games",
	"garden", "gb", "gd", "ge", "gf", "gg", "gh", "gi", "gift", "gifts",
	"gives", "gl", "glass", "global", "gm", "gmbh", "gn", "gold", "golf",
	"gov", "gp", "gq", "gr", "graphics", "gratis", "green", "gripe",
	"group", "gs", "gt", "gu", "guide", "guru", "gw", "gy", "health",
	"healthcare", "help", "hiphop", "hiv", "hk", "hm", "hn", "hockey",
	"holdings", "holiday", "homes", "horse", "hospital", "host", "hosting",
	"house", "how", "hr", "ht", "hu", "id", "ie", "il", "im", "immo",
	"immobilien", "in", "inc", "industries", "info", "ink", "institute",
	"insure", "int", "international", "investments", "io", "iq", "ir",
	"irish", "is", "it", "je", "jetzt", "jewelry", "jm", "jo", "jobs",
	"jp", "kaufen", "ke", "kg", "kh", "ki", "kids", "kim", "kitchen", "km",
	"kn", "kp", "kr", "kw", "ky", "kz", "la", "land", "law", "lawyer",
	"lb", "lc", "lease", "legal", "lgbt", "li", "life", "lighting",
	"limited", "limo", "link", "live", "lk", "llc", "loan", "loans", "lol",
	"london", "love", "lr", "ls", "lt", "ltd", "lu", "luxury", "lv", "ly",
	"ma", "management", "market", "marketing", "mba", "mc", "md", "me",
	"med", "media", "medical", "memorial", "men", "menu", "mg", "mh",
	"mil", "mk", "ml", "mm", "mn", "mo", "mobi", "moda", "moe", "mom",
	"money", "mortgage", "mov", "movie", "mp", "mq", "mr", "ms", "mt",
	"mu", "museum", "mv", "mw", "mx", "my", "mz", "na", "name", "nc", "ne",
	"net", "network", "news", "nf", "ng", "ni", "ninja", "nl", "no", "np",
	"nr", "nu", "nyc", "nz", "om", "one", "online", "ooo", "org",
	"organic", "pa", "page", "partners", "parts", "party", "pe", "pet",
	"pf", "pg", "ph", "pharmacy", "photo", "photography", "photos",
	"physio", "pics", "pictures", "pink", "pizza", "pk", "pl", "place",
	"plumbing", "plus", "pm", "pn", "poker", "post", "pr", "press", "pro",
	"productions", "properties", "property", "ps", "pt", "pub", "pw", "py",
	"qa", "quest", "racing", "radio", "re", "recipes", "red", "rehab",
	"reise", "reisen", "rent", "rentals", "repair", "report", "rest",
	"restaurant", "review", "reviews", "rich", "rip", "ro", "rocks",
	"rodeo", "rs", "ru", "run", "rw", "sa", "sale", "salon", "sarl", "sb",
	"sc", "school", "schule", "science", "sd", "se", "security",
	"services", "sg", "sh", "shiksha", "shoes", "shop", "shopping", "show",
	"si", "singles", "site", "sj", "sk", "ski", "sl", "sm", "sn", "so",
	"soccer", "social", "software", "solar", "solutions", "space", "sport",
	"sr", "ss", "st", "store", "stream", "studio", "study", "style", "su",
	"sucks", "supplies", "supply", "support", "surf", "surgery", "sv",
	"sx", "sy", "sydney", "systems", "sz", "tattoo", "tax", "taxi", "tc",
	"td", "team", "tech", "technology", "tel", "tennis", "tf", "tg", "th",
	"theater", "tickets", "tips", "tires", "tj", "tk", "tl", "tm", "tn",
	"to", "today", "tokyo", "tools", "top", "tours", "town", "toys", "tr",
	"trade", "trading", "training", "travel", "tt", "tube", "tv", "tw",
	"tz", "ua", "ug", "uk", "university", "uno", "us", "uy", "uz", "va",
	"vacations", "vc", "ve", "vegas", "ventures", "vet", "vg", "vi",
	"viajes", "video", "villas", "vin", "vip", "vision", "vn", "vodka",
	"vote", "voting", "voyage", "vu", "wales", "watch", "webcam",
	"website", "wedding", "wf", "wiki", "win", "wine", "work", "works",
	"world", "ws", "wtf", "xxx", "xyz", "ye", "yoga", "yt", "za", "zip",
	"zm", "zone", "zw",
}

// specialShortTLDs are the country codes under which a bare two-label
// domain with no path is still a URL (twitter-text's validSpecialCCTLD).
var specialShortTLDs = []string{"co", "tv"}

// isTLD reports whether label, in any case, is a top-level domain in the
// list or an internationalised one written in punycode (xn--...).
func isTLD(label string) bool {
	label = strings.ToLower(label)
	if len(label) > len("xn--") && strings.HasPrefix(label, "xn--") {
		return true
	}
	_, ok := slices.BinarySearch(tlds, label)
	return ok
}
