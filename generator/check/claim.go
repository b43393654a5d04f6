package check

import (
	"slices"
	"strings"
	"sync"

	"github.com/faqcast/faqcast/internal/names"
)

// advPromiseRules are the efficacy promises and superlatives beyond the
// word "guarantee": "works every time", "never fails", "pain-free in a
// week", "the best pediatrician in town". A negation before one undoes it:
// "no vaccine works every time".
var advPromiseRules = sync.OnceValue(func() []advRule {
	return []advRule{
		// (split by alternative, each scanned near its own words)
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:works?\s+(?:every\s+(?:single\s+)?time|for\s+everyone|for\s+everybody|like\s+magic|wonders|instantly|overnight|100\s*%|every\s+patient))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:never\s+fails?)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:always\s+works)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:without\s+fail)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:pain[\s-]?free)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:permanent|lasting|lifelong|guaranteed|instant|overnight|immediate|total|complete)\s+(?:results?|relief|cure|fix|solution|recovery))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:zero\s+(?:risks?|chance|pain|downtime))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:results?\s+you\s+can\s+(?:count|rely)\s+on)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:clears?|cures?|gone|fix(?:es)?|ends?|eliminates?|heals?|banish(?:es)?|rid\s+of)\b(?:\s*[^\s.!?]+){0,6}?\s*\b(?:for\s+good|forever|once\s+and\s+for\s+all|for\s+life))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:say\s+goodbye\s+to)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:no\s+more\s+[\pL-]+(?:\s+[\pL-]+)?,?\s+ever)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:proven|clinically\s+proven|scientifically\s+proven)\s+to\s+(?:cure|work|eliminate|stop|reverse|end|fix|heal|prevent))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:will|can)\s+(?:eliminate|reverse|erase|end|fix|get\s+rid\s+of|wipe\s+out|heal)\s+(?:your|any|all|the))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:eliminates|reverses|erases|wipes\s+out|gets\s+rid\s+of)\s+(?:your|any|all|the|every))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:completely|totally|perfectly|absolutely|100\s*%)\s+safe)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:safe\s+for\s+everyone)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:nothing\s+works\s+better)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:you['’]ll|you\s+will|your\s+(?:child|kid|son|daughter)\s+will)\s+(?:never\s+(?:have|get|need|feel|suffer)|be\s+(?:[\pL]+[\s-])?free|be\s+cured|be\s+healed|be\s+back\s+to\s+normal|see\s+results|look\s+years))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:never\s+(?:have|get|need|suffer\s+from|feel)\s+(?:\s*[^\s.!?]+){1,5}?\s*\s+again)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:we|i)\s+(?:promise|guarantee)\s+(?:you['’]ll|you\s+will|that|it|results))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:always|every\s+time)\s+(?:effective|successful|gets?\s+results))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:100\s*%\s+(?:of\s+(?:our\s+)?patients|success|of\s+the\s+time|results?|relief|recovery|satisfied))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?only\s+(?:clinic|practice|office|doctor|dentist|pediatrician|provider|place|team|treatment)\s+(?:in|that|who|where))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?best\s+[\pL-]+(?:\s+[\pL-]+)?\s+in\s+(?:town|the\s+(?:county|city|state|area|region|country|world|nation|valley|midwest)|(?-i:[A-Z])[\pL-]+))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:#\s?1|number\s+one|top)[\s-]rated)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:world[\s-]class)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unmatched)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unbeatable)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unrivall?ed)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unparalleled)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:second\s+to\s+none)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:the\s+finest)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:most\s+trusted)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:better\s+than\s+any(?:\s+other)?\s+(?:clinic|practice|doctor|office|dentist|pediatrician|provider))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:or\s+your\s+money\s+back)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:money[\s-]back)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:lose\s+\d+\s+(?:pounds|lbs?|kilos?|kg)\s+in\s+(?:just\s+)?(?:a|one|\d+|two|three|four|six)\s+(?:days?|weeks?|months?))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:boosts?\s+(?:your\s+)?(?:immunity|immune\s+systems?))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:never\s+(?:worry\s+about|deal\s+with|suffer\s+(?:from|with)|have|get)\s+(?:another|a\s+single|one\s+more))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:kiss\s+(?:[\pL'’-]+\s+){0,4}?goodbye)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:goodbye\s+(?:to\s+(?:\s*[^\s.!?]+){1,5}?\s*\s+)?for\s+good)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:foolproof)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:fail[\s-]?safe)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:sure[\s-]?fire)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:can['’]t[\s-]miss)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:it\s+just\s+works)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:safe\s+for\s+(?:every|all|any)\s+(?:patient|patients|one|body|age|ages|child|kid))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:will|guaranteed\s+to|is\s+going\s+to|are\s+going\s+to)\s+(?:keep|stop|prevent)\s+you\s+from\s+(?:getting|catching|ever))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?(?:most\s+[\pL-]+|best|top|greatest|finest|leading|highest[\s-]rated|top[\s-]rated)\s+(?:[\pL-]+\s+){0,2}?(?:doctors?|physicians?|nurses?|surgeons?|dentists?|pediatricians?|clinics?|practices?|office|team|staff|care|providers?|specialists?|hospital|therapists?)\s+in\s+(?:town|the\s+(?:state|county|city|area|region|country|world|nation|midwest|valley)|(?-i:[A-Z])[\pL-]+))\b`).around(6, advSuperlativeLiterals()...), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:world['’]s\s+(?:best|[\pL]+est|most\s+[\pL-]+))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:permanent(?:ly)?\s+(?:[\pL-]+\s+)?(?:removes?|removal|fix|fixes|results?|cure|cures|relief|solution|weight\s+loss|whitening|straightening|erases?|eliminates?|gets?\s+rid))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:voted\s+(?:[\pL'’-]+\s+){0,3}?(?:best|favou?rite|#\s?1|number\s+one|top))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?-i:[A-Z])[\pL-]+['’]s\s+(?:best|favou?rite|top|#\s?1|number\s+one|leading|most\s+trusted)\s+(?:[\pL-]+\s+){0,2}?(?:doctors?|physicians?|nurses?|surgeons?|dentists?|pediatricians?|clinics?|practices?|office|team|staff|providers?|specialists?|hospital|therapists?|urgent\s+care|care))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:award[\s-]winning)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:highest|best|#\s?1)[\s-]rated)\b`), keep: advNotNegated},
		{id: "CLAIM-TESTIMONIAL", expr: `(?i)\b(?:(?:changed|saved|transformed|turned\s+around)\s+(?:my|her|his|their|our)\s+(?:life|lives|son['’]s\s+life|daughter['’]s\s+life|baby['’]s\s+life|smile)|gave\s+(?:me|her|him|us|them)\s+(?:my|her|his|our|their)\s+life\s+back|i\s+(?:feel|felt)\s+(?:like\s+a\s+new\s+(?:person|man|woman)|so\s+much\s+better|better\s+than\s+ever|amazing)|i['’]ve\s+never\s+felt\s+better|i\s+have\s+never\s+felt\s+better|i\s+can\s+finally|(?:five|5)[\s-]star\s+review\s+from|thanks\s+to\s+(?:our|the)\s+(?:team|staff|doctors?|nurses?)\s*,\s*(?:she|he|they|my|i|her|his))\b`,
			keep: advNotNegated},
		// "Our sleep clinic fixes insomnia in 3 nights": a result in a set
		// time, promised by the practice. "Most colds clear up in a week" is
		// a fact.
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:fix(?:es)?|cures?|ends?|eliminates?|stops?|heals?|reverses?|gets?\s+rid\s+of|lower|lowers|drops?|erases?|banish(?:es)?|clears?|removes?|whitens?|straightens?|gone|better|healed|fixed|cured|pain[\s-]free|relief|results|resolved)\s+(?:[\pL\d'’-]+\s+){0,3}?(?:in|after|within|with)\s+(?:just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|seven|ten|a|a\s+single|a\s+few)\s+(?:days?|nights?|weeks?|visits?|sessions?|treatments?|hours?|months?|appointments?|adjustments?|injections?|shots?)\b`),
			keep: advOurs},
		// Promises of an outcome: "clears acne permanently", "results that
		// last a lifetime", "no one leaves without relief", "your baby will
		// sleep through the night after one adjustment".
		{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:(?:clears?|removes?|fix(?:es)?|cures?|eliminates?|ends?|stops?|erases?|straightens?|whitens?|reduces?|gets?\s+rid\s+of|heals?)\s+(?:[\pL\d'’-]+\s+){0,3}?(?:permanently|forever|for\s+good|for\s+life)|last(?:s|ing)?\s+(?:a\s+)?(?:lifetime|forever)|lifetime\s+(?:results|relief|guarantee)|(?:no\s+one|nobody|not\s+one\s+patient)\s+(?:leaves|walks\s+out|goes\s+home)\s+without|(?:everyone|every\s+(?:single\s+)?(?:patient|client|one)|all\s+(?:of\s+)?our\s+patients)\s+(?:leaves?|walks?\s+out|goes\s+home|gets?|feels?|sees?|is|are)\s+(?:[\pL'’-]+\s+){0,2}?(?:relief|better|pain[\s-]free|results|cured|healed|happy|satisfied|symptom[\s-]free)|(?:vanish|disappear|melt\s+away|fade\s+away)\w*\s+(?:completely|forever|for\s+good|overnight|instantly|entirely)|completely\s+(?:gone|healed|cured|clear|pain[\s-]free|disappear\w*|vanish\w*|eliminat\w*|erase\w*)|(?:will|['’]ll)\s+(?:\s*[^\s.!?]+){1,10}?\s*\s+after\s+(?:just\s+)?(?:one|a\s+single|1|a)\s+(?:[\pL-]+\s+)?(?:visit|session|treatment|adjustment|appointment|injection|shot|class|round)|(?:or\s+we['’]ll|or\s+the\s+next)\s+(?:\s*[^\s.!?]+){0,6}?\s*(?:free|no\s+charge|on\s+us)|will\s+get\s+you\s+(?:to\s+(?:your\s+)?goal|results|back\s+to\s+normal|pain[\s-]free)|never\s+(?:miss|misses|missed)\s+(?:a|an)\s+(?:diagnosis|cavity|thing|problem)|(?:never|don['’]t\s+ever)\s+(?:fail|get\s+it\s+wrong|make\s+mistakes)|bulletproof|ironclad|unbreakable\s+immunity|(?:will|['’]ll)\s+(?:disappear|vanish|go\s+away|be\s+gone|clear\s+up|end|be\s+cured|be\s+healed|be\s+fixed|sleep\s+through|lose|see\s+results|be\s+pain[\s-]free|look\s+(?:years\s+)?younger)\b(?:\s*[^\s.!?]+){0,6}?\s*\b(?:after|in|within|by)\s+(?:just\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|ten|twelve|a|the\s+end\s+of|summer|spring|fall|winter)|every\s+time,?\s+(?:guaranteed|without\s+fail)|,\s+every\s+time)`,
			keep: advNotNegated},
		// Superlatives in any wording: "the greatest nurse practitioner you'll
		// ever meet", "nobody does sports medicine better", "best-in-class".
		// (split by alternative, each scanned near its own words)
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?(?:greatest|best|finest|smartest|kindest|most\s+[\pL-]+|[\pL]+est)\s+(?:[\pL-]+\s+){0,3}?`+advProfession+`\s+(?:you['’]ll\s+ever|you\s+will\s+ever|ever|anywhere|around|in\s+(?:town|the\s+(?:state|county|city|area|region|country|world|nation|midwest|valley))|(?-i:in\s+[A-Z])[\pL-]+))\b`).around(6, advSuperlativeLiterals()...), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:nobody|no\s+one|no\s+other\s+[\pL-]+)\s+(?:does|do|is|treats|cares|knows)\b(?:\s*[^\s.!?]+){0,8}?\s*\bbetter\s+than)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:best[\s-]in[\s-](?:class|town|the\s+business))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:gold\s+standard\s+(?:in|of|for)\s+(?:[\pL-]+\s+)?(?:care|service|treatment|dentistry|medicine|pediatrics))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?only\s+(?:[\pL-]+\s+)?` + advProfession + `\s+(?:in|that|who|where|around)\b)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:most\s+advanced\s+(?:\s*[^\s.!?]+){0,6}?\s*\b(?:anywhere|in\s+the\s+(?:state|country|region|area|world)|in\s+town))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:state[\s-]of[\s-]the[\s-]art)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:cutting[\s-]edge)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unrivall?ed)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unsurpassed)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:world[\s-]renowned)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:renowned)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:top[\s-]notch)\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?(?:best|greatest|finest|top|most\s+[\pL-]+|[\pL]+est)\s+(?:[\pL-]+\s+){0,3}?(?:on\s+(?:the\s+)?(?:planet|earth)|in\s+the\s+(?:world|universe|galaxy)|(?:i|we|you)['’]?(?:ve|ll|\s+have|\s+will)?\s+ever\s+(?:worked|met|seen|had|been|find|meet|visit)))\b`).around(6, advSuperlativeLiterals()...), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:leading\s+(?:experts?|authorit(?:y|ies)|specialists?|providers?|clinic|practice))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:superior\s+(?:care|results|service|treatment|outcomes))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:won['’]t|can['’]t|will\s+not|cannot)\s+find\s+(?:[\pL-]+\s+){0,3}?(?:anywhere|elsewhere))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:unlike\s+(?:anything|any\s+other|anyone))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:elite[\s-](?:level|care))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:best|top|greatest|finest|#\s?1|number\s+one|top[\s-]rated|highest[\s-]rated)\s+(?:[\pL-]+\s+)?(?:doc|docs|doctors?|pediatricians?|dentists?|physicians?|surgeons?|nurses?|clinic|practice|chiropractors?|therapists?|np|pharmacists?|diagnostician))\b`), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?:the\s+)?(?:best|top|most\s+[\pL-]+|[\pL]+est)\s+(?:[\pL-]+\s+){0,2}?[\pL-]+\s+in\s+(?:town|the\s+(?:whole\s+|entire\s+)?(?:state|county|city|area|region|country|world|nation|midwest|valley)))\b`).around(6, advSuperlativeLiterals()...), keep: advNotNegated},
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:(?-i:GOAT))\b`), keep: advNotNegated},
		// "This supplement reverses diabetes": a cure claimed outright.
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\b(?:reverses?|cures?|eliminates?|erases?|heals?)\s+(?:your\s+|type\s+[12]\s+|the\s+)?([\pL-]+(?:\s+[\pL-]+)?)`),
			keep: func(s string, m []int) bool {
				if !advCondition(strings.Fields(strings.ToLower(advGroup(s, m, 1)))) {
					return false
				}
				before := advWords(advBefore(s, m[0], advSentenceStops), 6)
				return !advAny(before, claimHedges)
			}},
		// Claims in a few more words: "no exceptions", "perfect hearing",
		// "never deal with cavities again", "the most qualified in the area",
		// "better care than any hospital", "the greatest team you could ask
		// for".
		{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:no\s+exceptions|perfect\s+(?:smile|smiles|hearing|vision|skin|teeth|results?|outcome|recovery|health)|never\s+(?:deal\s+with|worry\s+about|experience|struggle\s+with|see)\s+(?:\s*[^\s.!?]+){1,5}?\s+again|(?:the\s+)?most\s+[\pL-]+\s+in\s+(?:the\s+)?(?:area|town|state|county|city|region|country|world|business)|better\s+(?:[\pL-]+\s+){0,2}?than\s+(?:any|every|all)\s+(?:other\s+)?(?:[\pL-]+\s+)?(?:hospital|clinic|practice|doctor|office|dentist|provider|place)s?|(?:best|greatest|finest|better|nicest|kindest)\s+(?:\s*[^\s.!?]+){0,6}?\s*you\s+(?:could|can)\s+(?:ever\s+)?ask\s+for|money\s+can\s+buy|you['’]ll\s+ever\s+(?:have|get|see|need|receive|find|meet))\b`, keep: advNotNegated},
		// Comparisons and promises: "more thorough than Mayo Clinic's", "no
		// other practice matches our outcomes", "solved in one visit", "that's
		// a promise".
		{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:(?:more|better|faster|safer|gentler|fewer|less)\s+(?:\s*[^\s.!?]+){0,4}?\s*than\s+(?:any|the|those|other|every|anyone|anything|(?-i:[A-Z])[\pL-]+)|no\s+other\s+(?:\s*[^\s.!?]+){0,4}?\s*(?:matches|compares|beats|comes\s+close)|nobody\s+(?:does\s+it\s+)?better|can['’]t\s+touch\s+(?:us|our)|blows?\s+(?:\s*[^\s.!?]+){0,2}?\s*(?:competition|others)|unlike\s+(?:those|other|the)\s+(?:\s*[^\s.!?]+){0,3}?\s*(?:chains?|clinics|practices|doctors|places|hospitals)|(?:most|best)[\s-](?:awarded|loved|reviewed|recommended)|top[\s-]ranked|(?:available|get|find)\s+anywhere|(?:solved|resolved|sorted|handled|fixed|gone|cured)\s+in\s+(?:just\s+)?(?:one|a\s+single|1|a)\s+(?:visit|session|appointment|treatment|day)|that['’]s\s+a\s+promise|(?:we|i)\s+promise\s+you|fountain\s+of\s+youth|every\s+(?:single\s+)?time)\b`, keep: advOurs},
		// A patient's words reported: "Parents tell us our dentists …", "a
		// family shared with us", "a mama in our group says we saved …";
		// not a heading's last words and the next block's first ("## What
		// families say", then "Our team …").
		{id: "CLAIM-TESTIMONIAL", expr: `(?i)\b(?:(?:patients|parents|clients|families|moms|mamas|dads|folks|people)\s+(?:keep\s+)?(?:tell(?:ing)?|say(?:ing)?|rave)` + advInLine + `(?:us\s+)?(?:that\s+)?(?:our|we|you|how)|(?:a|one)\s+(?:family|patient|client|mom|mama|dad|parent|grandparent)\s+(?:[\pL-]+\s+){0,4}?(?:shared|says|said|told\s+us|wrote|texted))\b`, keep: advNotNegated},
		// "No more allergies."
		{id: "CLAIM-GUARANTEE", re: compile(`(?i)\bno\s+more\s+((?:[\pL'’-]+\s*){1,3})`),
			keep: func(s string, m []int) bool {
				words := strings.Fields(strings.ToLower(advGroup(s, m, 1)))
				return advCondition(words) || advAny(words, claimComplaints)
			}},
		{id: "CLAIM-TESTIMONIAL", re: compile(`["“]([^"“”\n]{4,240})["”]`),
			keep: advQuotedPraise},
		// A patient's voice: "I've been coming here for 20 years", "I highly
		// recommend Dr. Lopez", "my son's eczema cleared up thanks to Ben".
		{id: "CLAIM-TESTIMONIAL", expr: `(?i)(?:\b(?:i|we)(?:['’]ve|\s+have)\s+been\s+(?:coming|going|seeing|bringing\s+[\pL]+)\s+(?:here|to\s+(?:dr|this|the|riverbend|them|her|him))|\bwouldn['’]t\s+go\s+anywhere\s+else|\b(?:i|we)\s+(?:highly\s+|totally\s+|definitely\s+|would\s+|always\s+)?recommend\s+(?:this|the|dr|them|her|him|your|their|everyone)|\bcan['’]t\s+recommend\s+[\pL.]+(?:\s+[\pL]+)?\s+enough|\b(?:i|we)\s+(?:love|loved|adore)\s+(?:this|the|dr|our|my|everyone)\s*(?:place|office|clinic|practice|staff|team|doctor|nurses?|dentist|pediatrician)?|★{3,}|⭐{3,}|\b(?:i|my)\b[^.!?\n]{0,80}\b(?:thanks\s+to|because\s+of|grateful\s+to|all\s+thanks\s+to)\s+(?:dr\.?\s+|nurse\s+|the\s+|our\s+)?[\pL]+)`,
			keep: func(s string, m []int) bool {
				p := strings.ToLower(s[m[0]:m[1]])
				return !strings.Contains(p, "my thanks") && advNotNegated(s, m)
			}},
		{id: "CLAIM-TESTIMONIAL", expr: `(?i)\b(?:testimonials?|hear\s+(?:it\s+)?from\s+our\s+patients|(?:happy|satisfied|grateful|thankful)\s+(?:patients?|families|clients|parents|moms?|dads?)\s+(?:say|says|said|write|wrote|share|shared|had\s+to\s+say)|(?:one|a|another)\s+(?:happy|satisfied|grateful|thankful)\s+(?:patient|client|parent|mom|dad|family)|patient\s+(?:reviews?|stories|story|spotlight|testimonials?)|reviews?\s+are\s+in|what\s+(?:our\s+)?patients\s+(?:are\s+saying|say)|our\s+patients\s+(?:say|said|tell\s+us|write|rave|agree)|before\s*(?:/|&)\s*after|before\s+and\s+after\s*:|(?:glowing|5-star|five-star|wonderful|lovely|kind|sweet|amazing|beautiful)\s+(?:review|reviews|words|note|notes|feedback|message)\s+from|(?:love|loved|loving)\s+hearing\s+(?:this|that|it|things\s+like\s+(?:this|that))\s*[:!]|(?:made\s+our\s+(?:day|week)|warms?\s+our\s+hearts?|says\s+it\s+best|said\s+it\s+best)\s*:)`,
			keep: advNotNegated},
	}
})

// advSuperlativeLiterals returns the words a superlative about care
// needs near it: the people and places of care, and places.
func advSuperlativeLiterals() []string {
	return []string{"doc", "doctor", "physician", "nurse", "practitioner", "surgeon", "dentist", "pediatrician",
		"chiropractor", "therapist", "optometrist", "dermatologist", "orthodontist", "ob", "gyn", "midwi",
		"pharmacist", "clinic", "practice", "office", "team", "staff", "care", "hospital", "provider", "specialist",
		"dentistry", "medicine", "pediatrics", "technology", "equipment", "facilit", "pt", "therapy",
		"diagnostician", "town", "state", "county", "city", "area", "region", "country", "world", "nation",
		"midwest", "valley", "planet", "earth", "universe", "galaxy", "ever", "anywhere", "around", "expert"}
}

// advProfession is the pattern of the people and places of care a
// superlative praises.
const advProfession = `(?:doctors?|physicians?|nurses?|nurse\s+practitioners?|practitioners?|surgeons?|dentists?|pediatricians?|chiropractors?|therapists?|optometrists?|dermatologists?|orthodontists?|ob-?gyns?|midwives|midwife|pharmacists?|clinics?|practices?|office|offices|team|teams|staff|care|hospital|providers?|specialists?|dentistry|medicine|pediatrics|technology|equipment|facility|facilities|pt|physical\s+therapy)`

// advPraise are words of praise a testimonial quotes.
var advPraise = advSet("love", "loved", "loves", "amazing", "best", "great", "wonderful", "fantastic", "saved",
	"changed", "thank", "thanks", "grateful", "recommend", "awesome", "incredible", "caring", "kind", "healed",
	"cured", "better", "happy", "painless", "gentle", "professional", "excellent", "outstanding", "helped",
	"listened", "trust", "favorite", "blessed", "lifesaver", "miracle", "perfect")

// advFirstPerson are the words a quoted patient speaks of themselves with.
var advFirstPerson = advSet("i", "i'm", "i've", "i'd", "i'll", "my", "me", "we", "our", "us", "we've", "we're")

// advQuotedPraise reports whether the quotation in m is a patient's
// words about their care: spoken in the first person, with a word of
// praise, or a statement rather than a question.
func advQuotedPraise(s string, m []int) bool {
	q := strings.TrimSpace(s[m[2]:m[3]])
	words := advWords(q, 60)
	intro := strings.ToLower(s[max(0, m[0]-60):m[0]])
	for _, w := range []string{"patient", "review", "google", "yelp", "facebook", "left this", "left us", " says", " said", "wrote", "writes", "feedback", "testimonial"} {
		if strings.Contains(intro, w) && !strings.HasSuffix(q, "?") {
			return true
		}
	}
	if !advAny(words, advFirstPerson) {
		after := strings.ToLower(s[m[1]:min(len(s), m[1]+40)])
		before := s[max(0, m[0]-12):m[0]]
		return advAny(words, advPraise) && (strings.ContainsAny(after, "-–—★⭐") || strings.Contains(before, "★") ||
			strings.Contains(before, "⭐") || strings.Contains(after, "review"))
	}
	if advAny(words, advPraise) || len(words) >= 3 && !strings.HasSuffix(q, "?") {
		return true
	}
	// Praise in the third person needs an attribution: a dash, stars, a
	// review.
	after := strings.ToLower(s[m[1]:min(len(s), m[1]+40)])
	return advAny(words, advPraise) && (strings.ContainsAny(after, "-–—★⭐") || strings.Contains(after, "review"))
}

// advOurs keeps a claim made about the practice's own care: its sentence
// speaks of "our", "we" or "us", and no general subject ("most colds")
// stands before it.
func advOurs(s string, m []int) bool {
	sentence := advWords(advSentence(s, m[0], m[1]), 60)
	// "Most colds clear up in a week": a general subject opens the
	// clause. ("The most effective treatment" is a superlative.)
	if clause := advWords(advBefore(s, m[0], advClauseStops), 60); len(clause) > 0 && claimGeneral[clause[0]] {
		return false
	}
	// A negation in the claim's own clause undoes it: "we don't claim
	// to be better than any other clinic", not "nobody leaves unhappy,
	// that's a promise".
	negated := advAny(advWords(advBefore(s, m[0], advClauseStops), 6), advNegation)
	return (advAny(sentence, claimOurs) || advAny(sentence, claimCare)) && !negated
}

// promiseSentence flags a promise in any words: a sentence about the
// practice's care ("our", "we", "this treatment") that pairs an outcome
// ("results", "relief", "pain-free", "works") with an absolute ("every",
// "always", "guaranteed", "permanently", "in just").
func promiseSentence(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool {
	if !wc.has(clsPromiseOurs) && !advAny(words, ours) {
		return false
	}
	outcome := wc.has(clsPromiseOutcomes) || hasPhrase(lower, promiseOffs)
	absolute := outcome && (wc.has(clsPromiseAbsolutes) || hasPhrase(lower, promiseTerms) || strings.Contains(sentence, " WILL "))
	return absolute && !wc.has(clsNegation) && !wc.has(clsMaybe)
}

// hasPhrase reports whether lower holds one of phrases as whole words.
func hasPhrase(lower string, phrases []string) bool {
	for _, p := range phrases {
		for i := 0; ; {
			k := strings.Index(lower[i:], p)
			if k < 0 {
				break
			}
			k += i
			end := k + len(p)
			if (k == 0 || !wordByte(lower[k-1])) && (end == len(lower) || !wordByte(lower[end])) {
				return true
			}
			i = k + 1
		}
	}
	return false
}

var (
	// promiseTerms are absolutes of more than one word: "for life", "in
	// two weeks flat", "in one visit".
	promiseTerms = []string{"for life", "for good", "weeks flat", "days flat", "in one visit", "in one session",
		"in one appointment", "after one visit", "after one session", "after one appointment", "single visit",
		"single session", "single appointment", "we promise", "no more", "every time", "each time"}
	// promiseOffs are outcomes of more than one word: off a medicine, back
	// at play.
	promiseOffs = []string{"be off", "get off", "come off", "off meds", "off medication", "back on the field",
		"back to normal", "back in the game"}
	promiseOurs = advSet("our", "we", "we'll", "we're", "us", "this", "treatment", "program",
		"therapy", "procedure", "session", "sessions", "adjustment", "adjustments", "injection", "injections",
		"laser", "method", "plan", "formula", "package", "clinic", "protocol", "system", "technique")
	promiseOutcomes = advSet("results", "result", "relief", "cure", "cured", "cures", "heal", "healed", "heals",
		"fix", "fixed", "fixes", "gone", "clears", "cleared", "pain-free", "painless", "works", "work",
		"effective", "success", "successful", "safe", "lose", "weight", "sleep", "younger", "better", "recovery",
		"recover", "erase", "erases", "reverse", "reverses", "eliminate", "eliminates", "end", "ends", "stop", "goal", "goals",
		"stops", "disappear", "vanish", "improve", "improvement", "whiter", "straighter", "smile", "smoother",
		"pregnant", "quit", "restored", "fixed", "athlete", "athletes", "cavity", "cavities", "visits")
	promiseAbsolutes = advSet("every", "everyone", "everybody", "always", "never", "guaranteed", "guarantee",
		"100", "100%", "completely", "totally", "entirely", "permanently", "permanent", "forever", "instantly",
		"instant", "overnight", "immediately", "zero", "nobody", "all", "any", "single", "just", "only", "fast",
		"quick", "quickly", "ever", "sure", "certain", "certainly", "promise", "promised", "period", "bulletproof")
)

// testimonialSentence flags a patient's voice about the practice: the
// first person ("I", "my", "me") with the practice or its staff and a
// word of praise or of an outcome — but not a clinician's ("my patients").
func testimonialSentence(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool {
	if !wc.has(clsFirstPerson) {
		return false
	}
	for _, p := range []string{"my patients", "my team", "my practice", "my staff", "my colleagues", "my nurse practitioner"} {
		if strings.Contains(lower, p) {
			return false
		}
	}
	practice := wc.has(clsPractice) || advAny(words, ours)
	return practice && wc.has(clsPraise) || wc.has(clsThanks)
}

// Word sets of the functions above, made once.
var (
	claimCare        = advSet("visit", "session", "treatment", "clinic", "practice", "care", "results", "outcomes", "therapy", "program", "physicals", "exams", "come", "leave", "leaves", "solved", "promise")
	claimHedges      = advSet("can", "may", "might", "could", "help", "helps", "many", "some", "most", "often", "no", "not", "never", "cannot", "can't", "won't", "doesn't", "don't", "if")
	claimComplaints  = advSet("pain", "aches", "headaches", "migraines", "cavities", "wrinkles", "fat", "snoring")
	claimGeneral     = advSet("most", "many", "usually", "often", "typically", "generally", "some")
	claimOurs        = advSet("our", "we", "us", "we'll", "we're")
	claimMaybe       = advSet("may", "might", "can", "could", "help", "helps", "most", "many", "some", "often")
	claimFirstPerson = advSet("i", "i'm", "i've", "i'd", "my", "me", "mine")
	claimPractice    = advSet("dr", "doctor", "staff", "team", "nurses", "nurse", "they", "them", "here",
		"place", "office", "clinic", "practice", "everyone", "you", "y'all", "dentist", "pediatrician",
		"chiropractor", "therapist")
	claimThanks = advSet("recommend", "grateful", "thankful", "blessed")
)

// superlativeSentence flags a superlative about the practice in any words:
// a superlative ("best", "safest", "most thorough", "leading", "#1") of
// the practice's care or people ("the safest place to have your baby",
// "Springfield's leading sports medicine experts") said by the practice
// or set against a place ("anywhere in Illinois", "in the whole state"),
// or a comparison no one wins ("no clinic in town does it better than
// we do"). "The best way to prevent the flu" praises no one.
func superlativeSentence(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool {
	if wc.has(clsMaybe) && !wc.has(clsNobody) {
		return false
	}
	self := wc.has(clsClaimOurs) || advAny(words, ours) || wc.has(clsSuperlativeOurs)
	// Whether the sentence sets a claim against a place, asked only of the
	// few sentences with a superlative: it looks places up.
	asked, placed := false, false
	scope := func() bool {
		if !asked {
			asked, placed = true, superlativeScope(words)
		}
		return placed
	}
	if hasPhrase(lower, superlativePhrases) {
		return !wc.has(clsNegation)
	}
	hashOne := strings.Contains(lower, "#1") || strings.Contains(lower, "# 1")
	for k, w := range words {
		if superlativeHashtags[w] {
			return true
		}
		if superlativeNobody[w] && k+1 < len(words) && (w != "no" || superlativeRivals[words[k+1]]) {
			// "no clinic … better than ours", "nobody does it better".
			for i, v := range words[k+1:] {
				if superlativeComparatives[v] && slices.Contains(words[k+1+i:], "than") {
					return self || scope()
				}
			}
		}
		if !superlativeWords[w] && !(w == "1" && hashOne) && !(w == "most" && k+1 < len(words) && superlativeMost(words[k+1])) &&
			!(w == "number" && k+1 < len(words) && words[k+1] == "one") {
			continue
		}
		if k > 0 && (words[k-1] == "your" || words[k-1] == "at") || k+1 < len(words) && superlativeGeneral[words[k+1]] {
			continue // "do your best", "at best", "the best way to"
		}
		praise := false
		for _, v := range words[k+1 : min(len(words), k+5)] {
			praise = praise || superlativeNouns[v] || ours[v]
		}
		if praise && self || (praise || self) && scope() {
			return !wc.has(clsNegation) || wc.has(clsNobody)
		}
	}
	return false
}

// superlativeMost reports whether "most" before w makes a superlative of
// praise ("most trusted"), not a quantity ("most people").
func superlativeMost(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ful") || strings.HasSuffix(w, "ive") ||
		strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ate") ||
		strings.HasSuffix(w, "ent") || strings.HasSuffix(w, "ble") || strings.HasSuffix(w, "ough")) && !superlativeGeneral[w]
}

// superlativeScope reports whether words set a claim against a place:
// "anywhere", "in town", "in the state", "in Illinois", "Springfield's".
func superlativeScope(words []string) bool {
	lx := names.Load()
	for k, w := range words {
		switch {
		case w == "anywhere" || w == "around" && k+1 == len(words):
			return true
		case w == "in" && k+1 < len(words):
			rest := words[k+1:]
			for len(rest) > 0 && (rest[0] == "the" || rest[0] == "whole" || rest[0] == "entire" || rest[0] == "all" ||
				rest[0] == "central" || rest[0] == "southern" || rest[0] == "northern" || rest[0] == "eastern" || rest[0] == "western") {
				rest = rest[1:]
			}
			if len(rest) > 0 && superlativePlaces[rest[0]] {
				return true
			}
			if n, kind := lx.Place(rest); n > 0 && kind != names.PlaceCode {
				return true
			}
		case strings.HasSuffix(w, "'s") && k == 0:
			if n, kind := lx.Place([]string{w}); n > 0 && kind != names.PlaceCode {
				return true
			}
		}
	}
	return false
}

// resultSentence flags a patient's result shown off: pounds or points
// lost ("60 lbs down", "cholesterol down 80 points"), a before and after,
// stars, or a condition gone after a visit ("eczema cleared up after one
// appointment"). "Losing weight lowers blood pressure" shows no one's.
func resultSentence(sentence, lower string, words []string, wc wordClasses, ours map[string]bool) bool {
	if wc.has(clsGeneral) || wc.has(clsNegation) || wc.has(clsMaybe) && !wc.has(clsFirstPerson) {
		return false
	}
	if hasPhrase(lower, resultPhrases) || hasPhrase(lower, resultBeforeAfter) && wc.has(clsResultShown) {
		return true
	}
	for k, w := range words {
		if !readerCount(w) || k+1 >= len(words) || !resultUnits[words[k+1]] {
			continue
		}
		// "60 lbs down", "lost 47 pounds", "2 shades whiter", "down 80 points".
		near := words[max(0, k-3):min(len(words), k+4)]
		if advAny(near, resultChanges) {
			return true
		}
	}
	if !wc.has(clsResultGone) {
		return false
	}
	visit := hasPhrase(lower, promiseTerms) || wc.has(clsResultVisits) && (wc.has(clsResultAfter))
	return visit && (advCondition(words) || wc.has(clsComplaints) || wc.has(clsSymptoms))
}

// Word sets of the functions above, made once.
var (
	superlativeWords = advSet("best", "greatest", "finest", "safest", "fastest", "smartest", "kindest", "gentlest",
		"friendliest", "highest", "leading", "premier", "unbeatable", "unmatched", "top", "elite", "brightest",
		"quickest", "shortest", "warmest", "nicest", "coolest", "cleanest", "strongest", "sharpest")
	superlativeGeneral = advSet("way", "ways", "time", "times", "thing", "things", "bet", "defense", "defence",
		"practice", "practices", "option", "options", "choice", "part", "of", "to", "tips", "tip", "advice",
		"common", "people", "likely", "important", "often", "cases", "adults", "kids", "children", "patients",
		"interested", "concerned", "affected", "needed", "used", "recommended", "prescribed", "experienced", "cause",
		"causes", "reason", "reasons", "killer", "source", "risk")
	superlativeNouns = advSet("care", "doctor", "doctors", "doc", "docs", "team", "staff", "clinic", "practice",
		"office", "place", "experts", "expert", "providers", "provider", "specialists", "pharmacist", "pharmacists",
		"dentist", "dentists", "nurse", "nurses", "physician", "physicians", "surgeon", "surgeons", "therapist",
		"therapists", "pediatrician", "pediatricians", "chiropractor", "service", "results", "outcomes",
		"urgent", "wait", "rehab", "treatment", "hygienist", "hygienists", "np", "clinician", "clinicians")
	superlativeOurs   = advSet("ours", "ourselves", "here")
	superlativeNobody = advSet("nobody", "noone", "no", "none")
	superlativeRivals = advSet("one", "other", "clinic", "practice", "office", "doctor", "dentist", "team",
		"provider", "place", "pediatrician", "pharmacy", "hospital")
	superlativePhrases      = []string{"trusts most", "trust most", "trusted most", "second to none"}
	superlativeComparatives = advSet("better", "faster", "safer", "gentler", "smarter", "more", "kinder")
	superlativeHashtags     = advSet("bestintown", "bestdoctor", "bestdoctors", "bestdentist", "bestclinic",
		"number1", "numberone", "1intown")
	superlativePlaces = advSet("town", "state", "county", "city", "area", "region", "country", "nation",
		"world", "midwest", "valley", "neighborhood", "neighbourhood")
	// resultBeforeAfter show a result only with what shows it: "before and
	// after photos", not "wash your hands before and after meals".
	resultBeforeAfter = []string{"before and after", "before-and-after", "before/after", "before & after"}
	resultShown       = advSet("photo", "photos", "pic", "pics", "picture", "pictures", "shots", "results", "result",
		"gallery", "swipe", "transformation", "smile", "smiles", "look", "see")
	resultPhrases = []string{"transformation tuesday", "transformation", "real results", "patient result", "patient results",
		"results our patients", "5 stars", "five stars", "5-star", "five-star", "5 star", "results from last"}
	resultUnits   = advSet("lbs", "lb", "pounds", "pound", "kg", "kilos", "points", "shades", "inches", "sizes", "dress")
	resultChanges = advSet("down", "lost", "off", "whiter", "lower", "dropped", "fewer", "gone", "less", "shed")
	resultGone    = advSet("gone", "cleared", "disappeared", "vanished", "healed", "fixed", "resolved", "cured", "perfect", "normal")
	resultVisits  = advSet("visit", "visits", "appointment", "session", "sessions", "treatment", "treatments", "weeks", "days")
	resultAfter   = advSet("after", "in", "within")
)
