package reply

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The situations a comment may be in, emergencies first: the order in
// which they win when a comment is in several (see config.Situations).
const (
	Emergency  = "emergency"
	Medical    = "medical"
	Disclosure = "disclosure"
	Complaint  = "complaint"
	Request    = "request"
	Entry      = "entry"
	Other      = "other"
)

// anyOf returns an expression that matches any of the alternatives, each
// a regular expression over folded text, as whole words.
func anyOf(alts ...string) string {
	return `\b(?:` + strings.Join(alts, "|") + `)\b`
}

// Signs of each situation, over folded text: lower case, no accents,
// straight apostrophes. They are general: a situation's typical words in
// English and Spanish, as people write them in comments (with the common
// misspellings and without apostrophes), never a particular comment.
var (
	// Someone close, of whom a commenter may write.
	someone = `(?:my|our|his|her|the) (?:son|daughter|kid|kids|child|baby|newborn|toddler|boy|girl|mom|mother|mum|dad|father|husband|wife|partner|boyfriend|girlfriend|brother|sister|grandma|grandmother|grandpa|grandfather|grandbaby|friend|roommate|neighbor|neighbour|ex)` +
		`|(?:mi|mis|nuestro|nuestra) (?:hijo|hija|hijos|bebe|nino|nina|mama|madre|papa|padre|esposo|esposa|marido|pareja|hermano|hermana|abuela|abuelo|amigo|amiga)`

	emergencySigns = []string{
		// The heart and the chest.
		`chest (?:pain|pains|hurts?|hurting|pressure|tightness|feels tight|is tight|feels heavy)`,
		`(?:pain|pressure|tightness) in (?:my|his|her) chest`, `heart attack`, `(?:left )?arm (?:is )?(?:numb|tingling)`,
		`dolor (?:de|en el) pecho`, `me duele el pecho`, `ataque (?:al|de) corazon`, `infarto`,
		// Breathing and choking.
		`(?:cant|can't|cannot|can not|couldnt|unable to|struggling to|hard to|trouble|difficulty|hardly|barely|not|isnt|stopped) breath(?:e|ing)?`,
		`breathing (?:really |very |super )?(?:slow|shallow|weird|funny|fast and)`, `gasping`, `choking`, `(?:turning|turned|lips|face|is) (?:are )?blue`,
		`no (?:puede|puedo|podia) respirar`, `le cuesta respirar`, `se (?:esta )?ahog(?:a|ando)`, `labios morados`, `se puso (?:morado|azul)`,
		// A stroke, and a sudden change in the head.
		`stroke`, `face (?:is )?droop(?:ing|y|s)?`, `droop(?:ing|y)? face`, `slurr(?:ed|ing)`, `(?:cant|can't|cannot) (?:move|feel) (?:his|her|my|one) (?:arm|leg|side)`,
		`suddenly confused`, `(?:one|left|right) side (?:of (?:his|her|my) (?:face|body) )?(?:is )?(?:numb|weak|drooping)`,
		`worst headache`, `double vision`, `(?:vision|seeing) (?:is )?double`, `(?:suddenly|sudden) (?:cant see|can't see|blind|numb|weak)`,
		`derrame`, `embolia`, `no puede (?:mover (?:el|la|un) (?:brazo|pierna|lado)|hablar)`, `(?:la )?cara (?:caida|torcida)`, `se le (?:cayo|cae) (?:la cara|un lado)`,
		// Unconscious or not waking.
		`passed out`, `unconscious`, `unresponsive`, `not responding`, `(?:not|isnt|wont|won't|cant|can't) wak(?:e|ing) (?:up|him|her)?`, `collapsed`, `blacked out`,
		`se desmayo`, `inconsciente`, `no despierta`, `no reacciona`, `no responde`,
		// Bleeding.
		`bleeding (?:a lot|badly|heavily|everywhere|wont stop|won't stop|that wont stop|nonstop)`, `(?:wont|won't|cant|can't|doesnt|does not) stop (?:the )?bleeding`,
		`(?:bled|bleeding|soaked) (?:thru|through)`, `blood everywhere`, `lots of blood`, `gushing`, `deep cut`, `spurting`,
		`sangr(?:a|ando) mucho`, `no (?:para|deja) de sangrar`, `mucha sangre`,
		// A severe allergic reaction.
		`(?:throat|tongue|lips?|face|mouth) (?:is |are )?(?:closing|swelling|swelled|swollen|puffing)`, `swell(?:ing|ed)? (?:up )?(?:of )?(?:his|her|my|the) (?:face|tongue|throat|lips)`,
		`anaphyla\w*`, `(?:need|needs|needed|use|used|using|give|gave|giving) (?:an |the |his |her |my )?epi ?pen`,
		`se le (?:esta )?(?:hincha|hinchando|cierra|cerrando) (?:la|el|los) (?:garganta|lengua|cara|labios)`, `se me cierra la garganta`,
		// Poisoning and overdoses.
		`overdos\w*`, `od(?:ing|ed|'d|d)`, `took (?:a )?(?:whole|all|too many|way too many|a bunch of|a bottle of|\d+) (?:bottle|pills|of (?:his|her|my|the) pills|tablets|\w+ pills)`,
		`(?:took|swallowed|ate|drank) .{0,40}on purpose`, `(?:dont|don't|not sure|no se) (?:know )?(?:how many|cuantas) (?:she|he|they|se) ?(?:took|ate|swallowed|tomo|comio)?`,
		`found (?:my|the|our) .{0,30}with (?:my|his|her|the|some|a bottle of|a|an) .{0,25}(?:pills|meds|medicine|bottle|bleach|detergent|pods)`,
		`(?:swallowed|drank|ate|ingested) (?:some |a |the )?(?:bleach|detergent|pod|pods|battery|batteries|button battery|magnets|pills|medicine|cleaner|antifreeze|poison)`,
		`poison(?:ed|ing)?`,
		`sobredosis`, `se tomo (?:todas|muchas|un frasco|\d+) (?:las )?(?:pastillas|pildoras)`, `(?:se )?(?:trago|tomo|bebio) (?:cloro|veneno|detergente)`, `envenen\w*`,
		// Seizures.
		`seiz(?:ure|ures|ing)`, `convuls\w*`,
		`convulsion(?:es|ando)?`, `ataque epileptico`,
		// Suicide, self-harm and violence.
		`suicid\w*`, `kill(?:ing)? (?:myself|himself|herself)`, `end (?:my|it all|his|her) li(?:fe|ves)`, `end it (?:all|tonight)`, `want(?:s)? to die`, `wanna die`,
		`(?:dont|don't|do not) want to (?:be here|live|wake up|exist) ?(?:anymore)?`, `no (?:reason|point) (?:to|in) (?:live|living|going on|anything|life)`,
		`(?:cant|can't|cannot) (?:go on|do this anymore|take (?:it|this) anymore)`, `goodbye (?:everyone|all|world|forever)`, `tonight is the night`,
		`better off (?:dead|without me)`, `(?:cut|cutting|hurt|hurting|harm|harming) (?:myself|himself|herself)`, `self ?harm\w*`,
		`(?:gonna|going to|coming (?:over )?to|come (?:over )?to) (?:shoot|hurt|kill|stab)`, `(?:kill|hurt|shoot) (?:me|us|them|everyone) tonight`, `(?:bring|bringing|has|have|got) a (?:gun|knife)`, `shoot up`,
		`quitarme la vida`, `me quiero morir`, `quiero morir(?:me)?`, `no quiero (?:vivir|seguir viviendo|despertar)`, `hacerme dano`, `matarme`, `cortarme`, `me va a matar`,
		// The other warning signs of an emergency (MedlinePlus,
		// "Recognizing medical emergencies"; ACEP's warning signs).
		`(?:coughing|throwing|vomiting|spitting|puking|peeing|pooping) (?:up )?(?:blood|bloody)`, `blood in (?:his |her |my )?(?:vomit|throw up)`, `black (?:tarry )?(?:stool|poop)`,
		`(?:head|spine|spinal|neck) injury`, `hit (?:his|her|my|their) head`, `(?:fell|fall|falling) (?:down|off|from|and hit|on (?:his|her|my) head)`, `(?:car|motorcycle|bike|bus) (?:accident|crash|wreck)`, `hit by a (?:car|truck)`,
		`(?:severe|bad|serious|deep|large) (?:burn|burns|wound|cut|gash)`, `burned (?:badly|severely|his|her|my)`, `smoke inhalation`, `drown\w*`, `electrocut\w*`, `bone (?:sticking|poking) out`,
		`(?:sudden|severe|excruciating|unbearable|worst|intense) (?:\w+ )?(?:pain|headache|abdominal pain|stomach pain|belly pain|cramps)`, `(?:cant|can't|cannot) (?:walk|stand|speak|talk|swallow|see|feel (?:my|his|her) (?:legs|arms|face))`,
		`stiff neck`, `(?:cant|can't|wont|won't) stop (?:vomiting|throwing up|shaking|crying|bleeding)`, `not making (?:any )?sense`, `talking (?:weird|funny|gibberish|nonsense)`, `(?:very |really |super )?confused (?:and|all of a sudden|suddenly)`,
		`water broke`, `baby (?:isnt|isn't|is not|stopped|not) moving`, `(?:pregnant|weeks) .{0,30}(?:bleeding|gushing|severe pain|cramping bad)`, `(?:cold|clammy) and (?:sweaty|clammy|pale)`, `(?:went|gone|going) limp`, `limp and`,
		`(?:want|going|gonna|plan(?:ning)?|about) to (?:die|end it|end things|kill|hurt (?:myself|someone))`, `(?:ending|end) (?:it|things|my life)`, `(?:no|nothing) (?:left )?to live for`, `(?:cant|can't|cannot) (?:keep going|live like this)`,
		`say(?:ing)? goodbye`, `(?:wont|won't|not) be (?:here|around) (?:tomorrow|much longer|anymore)`, `hopeless`, `want to disappear`, `unalive`, `kms`,
		`(?:kill|hurt|shoot|stab|choke)(?:ing)? (?:him|her|them|you|everyone|someone|people|my \w+)`, `threaten\w*`, `(?:he|she|they) (?:hit|beat|choked|strangled|attacked) (?:me|my)`,
		`(?:vomit\w*|tose|tosiendo|escupe) sangre`, `se (?:cayo|pego) .{0,20}cabeza`, `accidente`, `quemadura (?:grave|fuerte|seria)`, `se ahogo`, `dolor (?:muy )?(?:fuerte|intenso|insoportable|horrible)`,
		`no (?:puede|puedo) (?:caminar|pararse|pararme|hablar|tragar|ver)`, `(?:se (?:me|le) )?rompio la fuente`, `(?:el|mi) bebe no se mueve`, `no aguanto (?:mas|esto)`, `quiero desaparecer`, `acabar con (?:todo|mi vida)`, `me quiero matar`, `(?:lo|la|los) voy a matar`,
		`(?:chest|chst) (?:pain|pn|pains|hurt\w*)`, `(?:very|really|so|super|severely|suddenly) short (?:of|o) breat?h?`, `short of breath (?:at rest|sitting|lying|and (?:dizzy|confused|blue|chest))`, `(?:ribs|chest|belly) (?:suck\w*|pull\w*) in`, `barely (?:talk|speak)\w*`,
		`(?:bit|chewed|swallow\w*|ate|licked) (?:into |on )?(?:a |an |some |the )?(?:dishwasher |laundry |detergent |tide )?(?:pods?|button batter(?:y|ies)|batter(?:y|ies)|magnets?)`,
		`(?:bring|bringing|grab|grabbing|get|getting) (?:my|a|his|her) (?:gun|knife|weapon)`, `(?:she|he|they|you)(?:'ll| will) regret`,
		`faint(?:ed|ing)?`, `(?:gonna|going to|about to) pass out`, `(?:wont|won't|doesnt|doesn't|not|isnt|isn't|cant|can't) respond\w*`, `choked me`, `strangl\w*`,
		`(?:hurt|kill|shoot|stab) (?:kids|people|students|everyone|them|us)`, `burn .{0,25}down`, `(?:he|she|they|i)(?:'ll| will) (?:kill|hurt|shoot|stab)`, `amenaz\w*`, `cuchillo`, `pistola`,
		`i have a plan`, `(?:dont|don't|do not) want to be alive`, `(?:wrote|writing|left) (?:a )?(?:letters?|notes?) (?:to|for) (?:my )?(?:kids|family|everyone|children)`, `tired of (?:fighting|living|everything|it all)`,
		`(?:wont|won't|will not) (?:be needing|need) (?:any more|anymore)`, `cutting again`, `(?:went|cut) (?:way )?deeper`,
		`(?:drank|swallowed|ate|took|drunk) (?:some|a|the|a whole|half a|a full)? ?(?:bottle of |lot of |bunch of )?(?:the )?(?:some |a little |a bit )?(?:of )?(?:the )?(?:\w+ ){0,3}(?:stuff|cleaner|bleach|detergent|tylenol|pills|medicine|meds|antifreeze)`,
		`tongue (?:feels |is )?(?:thick|swollen|big|huge)`, `wild mushrooms?`, `violent(?:ly)? (?:vomiting|throwing up|sick)`,
		`arm (?:went|goes|is|feels|got) (?:numb|weak|dead|limp)`, `(?:words|speech) (?:came out |coming out |come out )?(?:wrong|garbled|slurred|jumbled)`,
		`se tomo (?:un poco de |algo de )?(?:cloro|veneno|detergente|pastillas|medicina)`, `blistering (?:all over|everywhere|badly)`, `(?:huge|large|big) blisters`, `boiling`, `scald\w*`, `skin is (?:white|black|peeling|charred)`,
		`(?:pouring|gushing|spurting|streaming) blood`, `blood .{0,40}(?:wont|won't) stop`, `coffee grounds`, `heart (?:is )?(?:racing|pounding|skipping)`, `\d{3}\+? (?:bpm|on my watch)`,
		`(?:me|le) cuesta respirar`, `casi no respira`, `se (?:me|le) (?:esta )?hinch\w*`, `se (?:estaba|esta) ahogando`, `carbon monoxide`, `(?:gas|weird|funny|strange) smell`, `furnace`,
		`seeing spots`, `swell(?:ed|ing)? up`, `droop\w*`, `(?:cant|can't|couldnt|couldn't) get (?:his|her|my|the) words out`, `looks? (?:gray|grey|blue|ashen)`,
		`chest (?:has been |is |feels )?(?:tight|heavy|squeez\w*)`, `on the floor (?:shaking|jerking|twitching)`,
		`(?:sugar|glucose|azucar|bg|blood sugar) (?:is |at |was |reads |le salio en |salio en |en )?(?:[1-4]\d|[5-9]\d\d)\b`, `(?:shaky|sweaty|temblando|sudando)\W.{0,40}(?:confused|drunk|no me contesta|not making sense|wont drink|won't drink|confundid\w*)`,
		`rescue inhaler .{0,40}(?:times|still|not helping|isn't helping|isnt helping)`, `inhaler (?:isn'?t|is not|not) (?:helping|working)`,
		`(?:left|forgot|don'?t have|dont have|no tengo) (?:my|the|his|her|mi|su) epi ?pen`, `throat (?:feels |is )?(?:tight|thick|closing|swollen)`, `lips (?:are |look |got )?(?:huge|swollen|puffy|big)`, `crushing`,
		`(?:die|dying|morir) (?:from|por) (?:taking|tomar|\d+)`, `took \d+ of (?:my|their|his|her)`, `got into (?:\w+ ){0,2}(?:pills?|pill organizer|medicine|meds|edibles|gummies|vape|nicotine)`, `edibles`,
		`se tomo (?:unas|todas|varias|muchas|un frasco de) (?:\w+ ){0,2}(?:pastillas|pildoras)`, `stockpil\w*`, `(?:barely|cant|can't) keep (?:my|his|her) eyes open`, `breathing (?:feels |is |sounds |looks )?(?:slow|shallow|weird|funny|strange|bad)`,
		`(?:muy fri[ao]|freezing cold|ice cold) .{0,40}(?:temblando|confundid\w*|confused)`, `(?:fell|fallen) (?:thru|through|into) the ice`, `stopped shaking`, `no suda`, `heat ?stroke`, `golpe de calor`,
		`confundid\w* y (?:muy )?calient\w*`, `calient\w* y (?:muy )?confundid\w*`, `(?:va|voy) a (?:ir a )?(?:lastimar|matar|golpear)`, `(?:side|lado) (?:went|is|feels|se puso) (?:numb|weak|dormido)`, `went numb`,
		`(?:2\d\d|19\d) ?/ ?1[1-9]\d`, `co alarm`, `car running .{0,40}(?:garage|door shut|doors closed)`, `garage with the car running`,
		`(?:baby|bebe) (?:hasn'?t|has not|hasnt|no se ha|no ha|isnt|isn't) (?:moved|movido|moving)`, `barely respond\w*`, `(?:dormirme|dormir) y no despertar`, `driving (?:my car )?into`, `(?:jump|jumping) off`,
		`(?:bit|bitten|mordio) (?:by )?(?:a |una )?(?:rattlesnake|snake|vibora|serpiente)`, `rattlesnake`,
		`(?:no one|nobody|noone) (?:would|will|is going to|gonna) (?:even )?(?:notice|care|miss me)`, `me despido`, `(?:when|after|once) (?:i'?m|i am) gone`, `cuando (?:ya )?no este`,
		`make sure my (?:cat|dog|kids|pets?|babies|children) (?:\w+ ){0,2}(?:goes|go|gets|get|is|are|stays?)`, `nadie me (?:va a )?extra\w+`,
		// Thoughts of harming someone else.
		`thoughts? (?:of|about) (?:hurting|harming|killing|smothering|shaking) (?:the|my|our|her|his) (?:baby|newborn|kid|kids|child|children|son|daughter|husband|wife|partner|mom|dad)`,
		`(?:pensamientos|ganas) de (?:hacerle dano|lastimar|matar) a (?:mi|el|la) (?:bebe|hij[oa]|esposo|esposa)`,
		// Swallowing much of something: ten or more pills, or a whole bottle.
		`(?:took|swallowed|ate|chewed|downed|popped|tome|tomo|trago|comio) (?:like |about |around |maybe |almost |over |more than |como |unos |unas |casi |mas de )?` +
			`(?:[1-9]\d+|a (?:whole|full|entire) (?:bottle|box|pack|sleeve|jar|container)|todo el (?:frasco|bote)) (?:\w+ ){0,3}(?:pills|pastillas|tablets|tabletas|capsules|capsulas|gummies|gomitas|vitamins|vitaminas)`,
		`(?:tried|trying|try|will try) (?:again )?to (?:hang|kill|hurt|overdose|end)`, `hang (?:myself|herself|himself)`, `watch (?:their|your|her|his) back`, `(?:come|coming|going) (?:\w+ ){0,3}to (?:'|")?deal with`,
		`gave (?:my|the|her|his) (?:\w+ ){0,2}(?:a dose of|some of) (?:my|his|her|the) .{0,30}(?:pill|pills|medicine|meds)`, `grabbed the wrong (?:bottle|medicine|pill)`, `wrong (?:medicine|meds|bottle|dose)`,
		`goodbye (?:texts|messages|letters|notes|posts)`, `gave away (?:my|all my) (?:things|stuff|belongings)`, `giving (?:away )?(?:my|all my) (?:things|stuff|belongings)`,
		`(?:hasn'?t|has not|hasnt|won'?t|can'?t|cant) (?:moved|move|get up|gotten up) since`, `very cold to (?:the )?touch`, `(?:doesn'?t|does not|doesnt) know what day`, `hit in the head`, `keeps asking the same`,
		`(?:won'?t|will not|dont think i'?ll|don't think i'?ll|not going to) be around`, `doesn'?t matter anymore`, `(?:says|reads|reading) hi\b`, `not sweating`,
		`took (?:like |about |around )?\d+ (?:of )?(?:my |his |her |the )?(?:\w+ )?(?:pills|tablets)`, `elephant`, `sitting on my chest`, `arm (?:is |feels )?(?:tingly|tingling)`,
		`(?:lips|eyes|face|tongue|throat) (?:and \w+ )?(?:are |is )?(?:puffing|swelling|swelled|blowing) up`, `(?:jaw|arm|back|neck) (?:and \w+ )?pain .{0,40}(?:sweat\w*|nause\w*|throw up|vomit\w*|short of breath)`,
		`duele (?:mucho )?el pecho`, `brazo izquierdo`, `bought a (?:rope|gun)`, `(?:just )?want it (?:all )?to stop`, `(?:wouldn'?t|would not|wouldnt) (?:even )?notice if i (?:was|were) gone`, `(?:dont|don't) worry about me anymore`,
		`(?:se|me|te) quiere(?:s)? (?:matar|morir)`, `quiere(?:s)? morir(?:se)?`, `waving a (?:gun|knife)`, `hacer(?:le)? dano a`, `(?:gonna|going to) get hurt`,
		`(?:cant|can't|cannot) (?:lift|raise|move) (?:his|her|my) (?:\w+ )?(?:arm|leg)`, `words (?:are )?(?:all )?(?:mixed up|jumbled|garbled)`, `vision (?:went|goes|is|going) (?:black|dark|out)`, `face (?:feels |is |went )?numb`,
		`shaking all over`, `not answering (?:me|us)`, `rash that (?:doesn'?t|does not|doesnt|won'?t) fade`, `purple rash`, `chest (?:has been |is |keeps )?hurting (?:bad|so bad|a lot|really bad)`,
		`(?:drank|swallowed|ate) (?:some |a little |a bit )?(?:of )?(?:the )?(?:\w+ ){0,2}soap`, `got into (?:\w+ ){0,3}pills`,
		// Calling for help now.
		`call(?:ing)? (?:911|an ambulance)`, `ambulance`, `ambulancia`, `emergenc(?:y|ia) (?:right )?now`,
	}
	// A baby's fever is an emergency, and so is a limp or unwaking child.
	infant = `(?:newborn|recien nacido|\d+ (?:week|wk|day)s?(?: |-)?old|(?:1|2|one|two) (?:month|mo)s?(?: |-)?old|(?:bebe|nin[oa]|hij[oa]) de \d+ (?:semanas|dias)|(?:bebe|nin[oa]|hij[oa]) de (?:1|2|un|dos) mes(?:es)?)`

	// Advice asked for: what to do, whether something is normal or safe,
	// how much to take.
	askSigns = []string{
		`should i get (?:it |this |that )?checked`, `is \w+ (?:safe|ok|okay|bad|normal)`, `worth (?:coming in|going in|going|seeing)`, `(?:anything|what) (?:i|we) should watch for`, `what to watch for`,
		`what (?:actually )?works`, `(?:me )?pueden recetar`, `call something in`, `is (?:that|this|it) safe`, `need to come in`, `can (?:she|he|they|i|we) go (?:to )?(?:school|work|daycare)`, `do i need to do anything`,
		`what dose`, `how much (?:\w+ )?(?:should|can|do) (?:i|we) give`, `cuanto (?:\w+ )?(?:le doy|le puedo dar|tomo)`, `what else can (?:i|we) (?:try|do|use)`, `anything (?:we|i|you) can (?:try|do|give)`,
		`is there (?:a|an) (?:med|medicine|pill|drug|treatment|cream|shot)`, `something (?:i|she|he|we|they) can (?:take|use|try)`, `too late to`, `(?:soak|ice|heat|rest) (?:it )?or`, `what do i do`,
		`what(?:'s| is|s)? (?:a )?normal`, `does (?:he|she|it|my [\w ]{1,15}?) (?:really |still |even )?need`, `can we wait`,
		`will (?:it|this|that) go away`, `is there (?:something|anything) (?:stronger|better|else|i can)`, `what (?:cream|medicine|treatment|pill|drops|ointment|lotion|shampoo|soap|remedy)`,
		`do (?:i|we|he|she|they) need (?:an? )?(?:x-?ray|antibiotics?|stitches|meds|medicine|shot|test|scan|mri|therapy|surgery|to worry)`, `does (?:he|she|it|my \w+) need`, `should we`, `could it be`, `is (?:that|this|it) a \w+ thing`,
		`que (?:crema|medicina|pastilla|jarabe|remedio) (?:me |le )?(?:recomiendan|doy|tomo|sirve)`, `que me tomo`, `(?:sera|es) por`,
		`should (?:i|he|she|we|they|my|it)`, `do (?:i|you think i|we) (?:need|have) to`, `is (?:it|this|that) (?:normal|ok|okay|safe|bad|serious|dangerous|something|a sign|contagious|fine)`,
		`(?:can|could|may) (?:i|he|she|we|my \w+) (?:just |still |also |even )?(?:take|give|use|mix|have|drink|eat|stop|skip|double|alternate|still|cut|split|crush|chew)`, `how (?:much|many|often|long) (?:should|can|do)`,
		`what (?:should|do|can) (?:i|we) (?:do|take|give|use)`, `what does (?:it|this|that) mean`, `could (?:it|this|that) be`, `do you think`, `is there something`, `am i`,
		`any (?:advice|tips|ideas|suggestions)`, `what (?:is|could be) (?:wrong|causing)`, `how do i (?:treat|get rid|stop|make)`, `when should`, `safe to`, `ok to`, `okay to`, `worried`, `concerned`, `or (?:will|does|is) it`,
		`debo`, `deberia`, `es normal`, `es grave`, `es peligroso`, `puedo (?:tomar|darle|dar|usar|mezclar|comer|beber|dejar)`, `que (?:hago|le doy|tomo|puedo tomar|me recomiendan)`,
		`cuanto (?:le doy|tomo|debo)`, `sera (?:algo|normal|grave)`, `que significa`, `necesito (?:pastillas|medicina|antibiotico)`, `o con`,
		`how do i know (?:if|when)`, `(?:will|does|did|would) (?:it|this|that) (?:go away|get better|hurt|help|work|mean|affect)`, `is (?:that|this|it) (?:bad|ok|okay|normal|serious|common)`,
		`what (?:can|should) (?:i|we|he|she) (?:do|take|give|use|try)`, `(?:tengo|tiene) que`, `que (?:puedo|podemos|le puedo) (?:hacer|dar|tomar)`, `es (?:malo|bueno|seguro)`,
	}
	// Signs of a body, an illness, a medicine or a result.
	healthSigns = []string{
		`fever`, `temp(?:erature)? (?:of )?\d`, `\d{2,3}(?:\.\d)? ?(?:f|degrees)`, `cough\w*`, `sore throat`, `throat`, `tonsils?`, `strep`, `headache\w*`, `migraine\w*`, `rash\w*`, `hives`, `vomit\w*`, `throw(?:ing)? up`, `threw up`, `diarrh\w*`,
		`nause\w*`, `dizz\w*`, `pain\w*`, `hurts?`, `hurting`, `ache\w*`, `swollen`, `swelling`, `itch\w*`, `bleed\w*`, `nosebleeds?`, `lump`, `bump`, `infection`, `infected`, `uti`, `pink ?eye`, `discharge`, `crusted`,
		`snor\w*`, `apnea`, `allerg\w*`, `sprain\w*`, `twist\w*`, `bruis\w*`, `burn\w*`, `cramps?`, `constipat\w*`, `heartburn`, `reflux`, `cold`, `covid`, `flu shot`, `shots?`, `vaccines?`, `dose`, `doses`, `schedule`, `too (?:old|young)`,
		`blood (?:pressure|sugar|test)`, `sugar`, `a1c`, `cholesterol`, `potassium`, `sodium`, `glucose`, `tsh`, `psa`, `protein`, `creatinine`, `hemoglobin`, `iron`, `vitamin d`, `flagged`, `abnormal`, `elevated`, `trace`,
		`bp`, `\d{2,3} ?/ ?\d{2,3}`, `heart rate`, `pulse`, `period`, `pregnan\w*`, `breastfeed\w*`, `protected`,
		`insomnia`, `(?:cant|can't) sleep`, `fatigue`, `anxiety`, `anxious`, `depress\w*`, `panic attacks?`, `mole`, `wart`,
		`warfarin`, `coumadin`, `eliquis`, `xarelto`, `plavix`, `lasix`, `gabapentin`, `tramadol`, `oxycodone`, `hydrocodone`, `cymbalta`, `wellbutrin`, `trazodone`, `ozempic`, `wegovy`, `mounjaro`, `jardiance`, `januvia`, `omeprazole`, `prilosec`, `flonase`, `cranberry`,
		`tylenol`, `acetaminophen`, `paracetamol`, `ibuprofen`, `advil`, `motrin`, `aleve`, `naproxen`, `aspirin`, `benadryl`, `zyrtec`, `claritin`, `nyquil`, `dayquil`, `mucinex`, `sudafed`,
		`amoxicillin`, `antibiotics?`, `z ?pack`, `azithromycin`, `prednisone`, `steroids?`, `inhaler`, `albuterol`, `insulin`, `metformin`, `lisinopril`, `amlodipine`, `losartan`, `statin`, `atorvastatin`,
		`levothyroxine`, `synthroid`, `sertraline`, `zoloft`, `prozac`, `lexapro`, `xanax`, `adderall`, `birth control`, `melatonin`, `\d+ ?(?:mg|mcg|ml|units)`, `drops`, `side effects?`,
		`tdap`, `mmr`, `hpv`, `shingles`, `rsv`, `pneumonia`, `results? (?:say|said|show|showed|came back|were|was)`, `sample`,
		`\w+(?:olol|pril|sartan|statin|azole|cillin|mycin|prazole|tidine|dronate|gliptin|gliflozin|formin|codone|profen)`, `triglycerides`, `ldl`, `hdl`, `yellow`, `jaundice`, `ictericia`, `popo`, `agitated`, `ingrown`, `toenail`,
		`\d+ ?(?:lb|lbs|kilos|kg)`, `pesa \d+`, `shak(?:e|es|y|ing)`, `tremors?`, `parkinson\w*`, `white blood cells?`, `tetanus`, `bitten`, `flutter\w*`, `creatine`, `bumped`, `lice`, `ticks?`, `bed ?wet\w*`, `wets? the bed`, `ringing`, `twitch\w*`, `forgetful`, `memory`, `lost \d+ ?(?:lbs|pounds|kg|kilos)`, `weight loss`, `feeling down`, `excedrin`, `x-?ray`, `cream`,
		`ardor`, `orinar`, `granitos`, `crema`,
		// Parts of the body, and more of what goes wrong with them.
		`ears?`, `eyes?`, `skin`, `stomach`, `belly`, `tummy`, `back (?:pain|hurts|ache)`, `lower back`, `knees?`, `hips?`, `shoulders?`, `neck`, `foot`, `feet`, `ankles?`, `wrists?`, `fingers?`, `toes?`, `tooth`, `teeth`, `gums?`,
		`nose`, `breasts?`, `testicles?`, `vagina\w*`, `penis`, `urine`, `pee`, `peeing`, `poop`, `stool`, `bowel\w*`, `bladder`, `kidneys?`, `liver`, `lungs?`, `heart (?:racing|pounding|skipping|flutter\w*|palpitations)`, `palpitations`, `joints?`, `muscles?`, `bones?`,
		`numb(?:ness|ing)?`, `tingl\w*`, `weak\w*`, `tired`, `exhausted`, `weight`, `acne`, `eczema`, `psoriasis`, `hair loss`, `stress\w*`, `sleep\w*`, `spotting`, `late period`, `yeast`, `stones?`, `gout`, `gerd`, `ibs`,
		`blood in`, `bloody`, `symptoms?`, `diagnos\w*`, `condition`, `disease`, `virus`, `bacteria\w*`, `contagious`, `germs?`, `wound`, `stitches`, `scar`, `bites?`, `stings?`, `fracture\w*`, `broken (?:bone|arm|leg|wrist|toe|finger|nose)`,
		`fiebre`, `calentura`, `tos`, `dolor`, `duele`, `gripe`, `gripa`, `resfriado`, `diarrea`, `mareo\w*`, `sarpullido`, `ronchas`, `presion`, `azucar`, `glucosa`, `colesterol`,
		`embarazada`, `jarabe`, `dosis`, `antibiotico`, `amoxicilina`, `ibuprofeno`, `losartan`, `paracetamol`, `hinchad[oa]`, `infeccion`, `alergi\w*`,
		`garganta`, `oidos?`, `ojos?`, `estomago`, `panza`, `espalda`, `rodillas?`, `piel`, `granos`, `comezon`, `picazon`, `sangre`, `orina`, `nausea\w*`, `cansad[oa]`, `peso`, `enferm[oa]`, `sintomas?`,
	}
	// Services, which are health words only in a question about one's own
	// care: a question such as "Do you give flu shots?" is an entry's.
	serviceSigns = []string{
		`flu`, `covid`, `shingles`, `tdap`, `hpv`, `mmr`, `rsv`, `pneumonia`, `gripe`, `influenza`, `boosters?`, `immunizations?`, `sangre`, `sick`, `enferm[oa]s?`,
		`flu shot`, `shots?`, `vaccines?`, `results?`, `labs?`, `refills?`, `prescriptions?`, `tests?`, `bloodwork`, `blood test`, `physical`, `checkup`, `check-up`, `appointment`, `vacunas?`, `resultados?`, `receta`,
	}
	// Medicines, which a question about taking them makes medical.
	medicineSigns = []string{
		`meds?`, `medicines?`, `medications?`, `pills?`, `supplements?`, `vitamins?`, `herbs?`, `on \w+(?:in|ol|am|pam|ide|ine|one|ate|ex|ax|ic)`, `prescriptions?`, `tablets?`, `doses?`, `dosage`, `medicina`, `medicamentos?`, `pastillas?`, `receta`,
	}
	// The commenter, or someone close, has it.
	personalSigns = []string{
		`(?:should|can|could|do|am|will) i`, `puedo`, `i (?:have|ve had|have had|had|got|get|am|m|feel|ve been|keep|cant|can't|started|took|take|was|noticed|missed|think|pee|poop|cough|sneeze|wake)`, `im`, `i'm`, `ive`, `i've`, `am i`, `my \w+`, `me`, someone,
		`(?:he|she|they) (?:has|have|had|is|was|keeps|started|took|got|wants)`, `since (?:yesterday|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)`,
		`for (?:\d+|a few|two|three|four|five|several) (?:days|weeks|hours|months)`, `\d+ (?:days|weeks) now`, `(?:\d+|\w+) (?:yo|y/o|yr old|year old|years old|month old)`,
		`tengo`, `tiene`, `tuve`, `tomo`, `toma`, `estoy`, `me (?:dio|salio|salieron|siento|recet\w*|duele|duelen|pica|sale)`, `le (?:dio|salio|salieron|duele|duelen|pica|sale)`, `mi \w+`, `desde (?:ayer|hace|el)`, `hace \w+ dias`,
	}
	// A visit asked for, not advice: whether or when one can be seen.
	accessSigns = []string{
		`(?:can|could) (?:i|we|he|she|they|my \w+|a \w+|you|u|y'?all|someone) (?:be seen|get (?:in|seen|(?:a |an )?(?:same[- ]day |sick |video |quick |urgent )?(?:appt|appointment|apt|visit|slot|spot))|come in|do (?:a|an) (?:sick|video) visit|see (?:him|her|them|me|us)|walk in)`,
		`(?:can|could|do|does) (?:you|u|y'?all) (?:see|treat|do)`, `(?:or|vs|versus) (?:do i have to |should i )?(?:go to )?(?:urgent care|the er)`,
		`(?:lo|la|me|nos) pueden (?:ver|atender)`, `mismo dia`,
	}

	// Health told, not asked about: a diagnosis, a condition, a treatment.
	conditionSigns = []string{
		`stroke`, `cancer free`, `bypass`, `recovering`, `had covid`, `pcos`, `apnea`, `asma`, `born at \d+ ?(?:wks|weeks)`, `preemie`, `premature`, `down \d+ ?(?:lbs|pounds)`, `me puse la vacuna`, `me dolio`,
		`gallbladder`, `appendix`, `tonsils`, `wisdom teeth`, `hysterectomy`, `c-?section`, `broke (?:my|his|her) \w+`, `broken \w+`, `cast`, `sore`, `\w+ shots?`, `\w+ disease`, `chronic \w+`, `celiac`, `cancer`, `tumou?r`, `diabet\w*`, `type (?:1|2|one|two)`, `hiv`, `aids`, `std`, `sti`, `herpes`, `hepatitis`, `depress\w*`, `anxiety`, `adhd`, `ptsd`, `bipolar`, `schizo\w*`, `autis\w*`, `ocd`, `eating disorder`, `anorexi\w*`, `bulimi\w*`,
		`dementia`, `alzheimer\w*`, `parkinson\w*`, `long covid`, `addict\w*`, `alcoholi\w*`, `sober`, `sobriety`, `rehab`, `relapse\w*`, `quit (?:smoking|drinking|vaping)`, `lupus`, `epilep\w*`, `asthma`, `copd`, `multiple sclerosis`, `crohn\w*`, `colitis`, `arthritis`, `fibromyalgia`,
		`chemo\w*`, `radiation`, `surgery`, `biopsy`, `mammogram`, `colonoscopy`, `pap smear`, `dialysis`, `transplant`, `miscarri\w*`, `abortion`, `pregnan\w*`, `ivf`, `infertil\w*`, `thyroid`, `hypertension`, `high blood pressure`, `bp was`,
		`heart attack`, `heart failure`, `a1c`, `insulin`, `antidepressants?`, `therap(?:y|ist)`, `psychiatrist`, `meds`, `medication`, `diagnos\w*`, `dx`, `lump`, `remission`, `tested positive`, `allerg\w*`, `epi ?pen`,
		`vih`, `sida`, `diabetes`, `depresion`, `ansiedad`, `quimio\w*`, `cirugia`, `embaraz\w*`, `aborto`, `tratamiento`, `diagnostic\w*`, `tiroides`, `hipertension`, `presion alta`, `demencia`,
	}
	// The writer tells of it as theirs, or of someone close.
	disclosureSigns = []string{
		`(?:i|he|she|we|they) (?:was|were|got|just got|have been|ve been|am|m|is) (?:just |recently |finally |officially )?(?:diagnosed|dx)`, `diagnos(?:ed|is) with`,
		`i (?:have|ve got|am living with|live with|struggle with|suffer from|deal with|battle|beat|survived|had|just had|quit)`, `living with`, `(?:years?|yrs?|months?|days?) (?:sober|clean|smoke free|cancer free)`, `^had \w+`,
		`i(?:'m| am|m) (?:pregnant|on chemo|in recovery|sober|clean|bipolar|diabetic|type 1|type 2|hiv positive|positive|in remission|a cancer survivor|on (?:insulin|meds|medication|antidepressants|suboxone|methadone))`,
		`(?:caught|found|treated|diagnosed) my`, `saved (?:my|his|her) life`, `my (?:\w+ )?(?:\w+)`, someone + ` (?:has|had|is|was|got)`,
		`me (?:diagnosticaron|detectaron|encontraron)`, `tengo`, `tiene`, `estoy`, `mi \w+`, `perdi (?:a )?(?:mi )?bebe`,
		`ago`, `for (?:\d+|a few|two|three|many|several) (?:years?|yrs?|months?)`,
		`^(?:had|got|broke) (?:a|my|an)`, `as someone with`, `(?:i|we) (?:have|had)`, `our \w+`, `(?:had|got) (?:my|a|his|her) \w+ (?:out|removed|done|taken out|replaced|fixed)`, `broke (?:my|his|her)`,
		`in (?:january|february|march|april|may|june|july|august|september|october|november|december)`, `last (?:week|month|year|spring|summer|fall|winter)`,
	}
	// Being a patient, which alone is told.
	patientSigns = []string{
		`(?:i|im|i'm|i am|we are|we're) (?:a |your |their )?patients?`, `as a patient`, `patients? (?:of|at|here)`, `(?:soy|somos) pacientes?`,
		`(?:got|had|did) (?:my|a|his|her) [\w ]{0,20}(?:here|at your (?:office|clinic))`,
	}

	// Comments about the practice itself, bad or good.
	complaintSigns = []string{
		`rude`, `unprofessional`, `disrespect\w*`, `terrible`, `horrible`, `awful`, `worst`, `ridiculous`, `unacceptable`, `unreal`, `disgust\w*`, `incompetent`, `careless`, `never again`, `never going back`,
		`garbage`, `trash`, `nightmare`, `useless`, `joke`, `rushed`, `like a number`, `never showed(?: up)?`, `no[- ]?show fee`, `not ok(?:ay)?`, `hung up`, `on hold`, `smh`, `thanks for nothing`, `wow thanks`,
		`waste of (?:time|money|a copay)`, `(?:waited|waiting|wait(?:ed)? for|sat) (?:for )?(?:over |almost |nearly |like )?(?:an? |\d+|two|three|four) ?(?:hours?|hrs?|minutes?|mins?)`, `wait times?`, `long wait`,
		`(?:nobody|no one|never) (?:ever )?(?:called|calls|answers|answered|returns?|returned|got back|picks up|picked up|showed)`, `(?:came|arrived|sent) (?:\w+ )?(?:\w+ )?after my`,
		`made (?:me|us) (?:wait|reschedule|pay|leave)`, `kept (?:freezing|crashing|dropping|logging)`, `logs? me out`,
		`(?:lost|messed up|screwed up) my`, `overcharg\w*`, `charged (?:me )?twice`, `double charged`, `sent (?:me )?to collections`,
		`(?:bad|poor|awful|terrible|great|excellent|amazing|wonderful|best) (?:experience|service|care|customer service|staff|doctor|doc|dr|nurse|team|office)`,
		`(?:1|one|2|two|5|five) stars?`, `zero stars`, `best (?:doctor|doc|dr|nurse|clinic|practice|office|staff|team)`, `(?:love|loved|adore) (?:dr|doctor|my doctor|the staff|this (?:place|clinic|office|practice)|everyone|y'all|yall|you guys)`,
		`(?:thank you|thanks|gracias) (?:so much )?(?:dr|doctor|nurse|to (?:the|your|all the|everyone)|a (?:la|el|los|las|todo)|al)`, `(?:so|very|always|super|siempre muy|muy) (?:kind|caring|helpful|nice|friendly|patient|professional|rude|slow|sweet|amables?|atent[oa]s?|groser[oa]s?)`,
		`shout ?out`, `looks (?:so much |way )?(?:better|great|amazing|nice)`, `(?:highly )?recommend`,
		`insane`, `too (?:high|expensive|long|slow|pricey)`, `out the door`, `torture`, `great job (?:losing|forgetting|ignoring)`, `(?:que |qué )?verguenza`, `(?:thank you|thanks|gracias) (?:\w+ )?(?:team|staff|everyone|guys|y'?all|todos)`,
		`(?:took|takes|taking) (?:\d+|two|three|four|six) (?:weeks|months|hours)`, `not \d+ days like`,
		`love that for (?:us|me)`, `above and beyond`, `never (?:responded|replied|answered|got back|called back)`, `thank(?:s| you| u) \w+ (?:the|our|my) (?:pharmacist|nurse|doctor|dr|receptionist|front desk|np|pa|\w+ tech)`,
		`front desk (?:was|is|lady|staff|people)`, `(?:the|your) (?:receptionist|staff|nurse|doctor|dr) (?:was|is|were|yelled|ignored)`, `treated (?:me|us|my \w+) (?:like|so|very|with)`, `disappoint\w*`, `frustrat\w*`, `upset`, `complain\w*`, `review`,
		`pesim\w*`, `groser\w*`, `mal(?:a|isim\w*)? (?:atencion|servicio|trato)`, `(?:excelente|buena|buenisima|mejor) (?:atencion|servicio|doctora?|trato|clinica)`, `la mejor doctora`, `el mejor doctor`, `nunca (?:me )?(?:llamaron|contestan|regreso)`, `espere (?:\d+|dos|tres|mas de)`, `queja`,
	}

	// Signs of a review that a question may hold for other reasons.
	reviewSigns = []string{
		`\d(?:\.\d)? stars?`, `\d+ ?/ ?10`, `(?:total |complete |hot )?mess`, `voicemail`, `(?:actually|really|always) listens?`, `listened`, `still nothing`,
	}

	// Feelings about the practice: a word of them near a word for its
	// people or its service makes a review.
	feelingSigns = []string{
		`bad`, `poor`, `awful`, `horrible`, `terrible`, `lousy`, `sucks?`, `sucked`, `pathetic`, `annoy\w*`, `angry`, `mad`, `furious`, `frustrat\w*`, `disappoint\w*`, `upset`, `slow`, `late`, `forever`, `ignored`, `dismissive`, `cold`, `never`,
		`organized`, `efficient`, `clean`, `amazing`, `awesome`, `wonderful`, `fantastic`, `excellent`, `great`, `best`, `love`, `loved`, `grateful`, `appreciate\w*`, `kind`, `caring`, `sweet`, `friendly`, `helpful`, `professional`, `gentle`, `patient with`, `listened`,
		`mal[oa]?`, `pesim[oa]`, `terrible`, `lent[oa]s?`, `tarde`, `nunca`, `excelente`, `buenisim[oa]s?`, `maravillos[oa]s?`, `amables?`, `atent[oa]s?`, `agradecid[oa]`, `gracias`,
	}
	practiceSigns = []string{
		`dr`, `doctor`, `doc`, `nurse`, `nurses`, `np`, `pa`, `staff`, `front desk`, `receptionist`, `office`, `clinic`, `practice`, `you guys`, `y'?all`, `team`, `everyone there`, `this place`, `service`, `care`, `visit`, `appointment`, `appt`, `wait`, `billing`, `phone`,
		`doctora?`, `enfermer[oa]s?`, `personal`, `recepcion\w*`, `clinica`, `oficina`, `atencion`, `servicio`, `cita`, `ustedes`,
	}

	// Spam: not to be answered at all.
	spamSigns = []string{
		`(?:message|whatsapp|text) me (?:on|at|for)`, `earn \$?\d+`, `\d[\d,]* (?:a|per) (?:week|day|month|wk)`, `crypto\w*`, `bitcoin`, `forex`, `invest(?:ment|ing|or)`,
		`follow (?:me|my page|back|for follow)`, `check (?:out )?my (?:page|profile|bio|link|channel)`, `(?:be|become) (?:your|ur) friend`, `click (?:the |my )?link`, `link in my bio`,
		`cheap (?:meds|pills|viagra|followers)`, `promo code`, `giveaway`, `sugar (?:daddy|mommy)`, `onlyfans`, `work from home`, `make money`, `gana dinero`, `(?:made|make|earn|earned|making) \$?\d[\d,]*`, `dm me to`, `loans?`, `bad credit`, `credit score`, `cash ?app`, `contact @\w+`,
	}

	requestSigns = []string{
		`(?:can|could|would|will) (?:you|u|someone|somebody|y'?all|anyone) (?:please |pls |plz )?(?:check|send|resend|email|e-mail|fax|fill out|fill|set|call|look|help|schedule|book|move|fix|update|change|cancel|mail|forward|sign|complete|give me|get me|squeeze|fit|switch|reset|unlock|add|remove|transfer|renew|refill)`,
		`(?:please|pls|plz) (?:\w+ )?(?:resend|add|update|reset|switch|send|unlock|remove|fix|change)`,
		`(?:can|could|may) (?:i|we) (?:get|make|book|schedule|set up|move|change|cancel|reschedule) (?:me |us |my |an? |in |one of )?(?:appt|appointment|apt|visit|in|an appointment|a visit|the \w+ (?:slots?|spots?))`,
		`(?:get|fit|squeeze) (?:me|us|him|her|my \w+) in`, `(?:i|we) (?:need|want|would like) to (?:reschedule|cancel|book|schedule|move)`, `(?:dm|pm|inbox|message|text|call) me`, `book (?:me|us|my \w+)`, `(?:i|we) (?:need|want|would like) (?:to (?:make|book|schedule|get|see|cancel|reschedule|move) )?(?:an? )?(?:appt|appointment|apt|visit)`,
		`(?:cancel|reschedule|move|change|confirm|push) (?:my|our|his|her|the) (?:\w+(?:'s)? )?(?:appt|appointment|apt|visit|physical|checkup|check-up|exam|follow ?up)`,
		`(?:any|an?|one of the) (?:\w+ )?(?:same day )?(?:openings?|slots?|availability) (?:for|on|this|tomorrow|tmrw|today|next)`,
		`(?:i|we) (?:still )?(?:need|want|am waiting (?:on|for)|m waiting (?:on|for)) (?:a |an |my |the |his |her )?(?:refill|renewal|referral|note|letter|copy|form)`,
		`(?:refill|renewal) (?:on|of|for) (?:my|his|her)`, `(?:send|call in|refill|renew) (?:in )?(?:my|his|her) (?:\w+ )?(?:refill|prescription|rx|script|meds)`, `(?:a la|to (?:the|my)) (?:farmacia|pharmacy)`,
		`(?:my|this|the) (?:bill|statement|balance) (?:is|says|shows|was|still|has)`, `i (?:still )?owe`, `why (?:was|am|did) (?:i|we) (?:charged|billed|get a bill)`, `(?:charged|billed) (?:me|us)`, `payment plan`, `refund`, `itemized`,
		`(?:copy|copies) of (?:my|our|his|her)`, `(?:send|fax|transfer|email|mail) (?:a copy of )?(?:my|his|her|our|them)`, `(?:my|his|her|our|kids'?|son'?s|daughter'?s) (?:records|chart|shot records|vaccine records|immunization records|forms?|paperwork)`,
		`referral`, `prior auth\w*`, `(?:doctor'?s|work|school|sick) note`, `(?:call|text|email|message) me back`, `call back`, `please (?:call|help|contact) (?:me|us)`,
		`(?:necesito|quiero|quisiera|ocupo) (?:hacer |sacar |pedir |un |una |mi |el |la )?(?:cita|consulta|receta|resurtido|refill|factura|expediente|records|registros|carta|nota)`,
		`(?:cancelar|cambiar|mover|reprogramar) (?:mi|la) cita`, `mi (?:cita|receta|factura|cuenta|cobro|expediente)`,
		`(?:me pueden|pueden|podrian) (?:llamar|dar|hacer|mandar|enviar|programar)`, `(?:me cobraron|cobraron)`,
		`(?:please|pls|plz|por favor) (?:\w+ )?(?:call|send|book|schedule|refill|fax|email|help|check|cancel|move|llamen|manden|envien|ayuden)`,
		`i (?:need|want|would like|have) to (?:talk|speak) (?:to|with)`, `(?:talk|speak) to (?:someone|a nurse|the doctor|billing|a person)`,
		`(?:my|his|her|our) (?:appointment|appt|refill|prescription|rx|records|forms?|bill|balance|referral|paperwork|results|test results) (?:still|yet|hasnt|hasn't|has not|isnt|isn't|wasnt|never|didnt|didn't|was (?:supposed|never|not))`,
		`(?:when|where) (?:is|are|will) (?:my|his|her) (?:refill|prescription|rx|records|forms?|referral|paperwork|results|test results)`, `(?:still )?waiting (?:on|for) (?:my|his|her|a|the) (?:refill|prescription|rx|records|forms?|referral|paperwork|callback|call back|results)`,
		`(?:necesito|ocupo|quiero) (?:que (?:me )?)?(?:llamen|hablar|me llamen)`, `(?:mi|su) (?:receta|cita|factura|referencia) (?:todavia|aun|no)`,
	}
)

// A request to book or move a visit at a time, to send a refill to a
// pharmacy, or for the staff to do something with one's papers, which no
// medical question is.
var scheduleRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(anyOf(
		`(?:can|could|would|will) (?:you|u|someone|somebody|the \w+) (?:guys |all |please |pls )?(?:fax|resend|send|email|mail|update|fill out|sign|give me a call|call me)`,
		`(?:please|pls|plz) (?:put|take|add|remove|sign) me (?:on|off|up)`, `give me a call`, `(?:please|pls|plz) call me`, `call me back`,
		`(?:need|want|would like) (?:my|his|her|our|my \w+'?s?) (?:\w+ ){0,3}(?:updated|filled out|filled|refilled|renewed|sent|faxed|changed|signed|completed)`,
		`need (?:a )?refills? (?:on|of|for)`, `i'?d like to (?:switch|change|book|schedule|cancel|move|transfer)`,
		`(?:quiero|quisiera|necesito|ocupo) (?:hacer |sacar |agendar |pedir )?una cita`, `que me (?:renueven|surtan|manden|llamen)`, `(?:renueven|surtan|manden) (?:la|mi) receta`,
		`(?:book|schedule|get|move|moved|change|reschedule|push) .{0,40}(?:for|on|at|to) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tmrw|today|next \w+|this \w+|\d{1,2}(?::\d\d)? ?(?:am|pm))`,
		`(?:send|call in|fax) .{0,30}(?:refill|prescription|rx|script) .{0,20}(?:to|at) (?:the|my|a) \w+`, `(?:refill|prescription|rx|script) to (?:the|my) (?:pharmacy|walgreens|cvs|walmart|farmacia)`))
})

// An acute sign and a severe symptom together also make an emergency.
var (
	acuteSigns = []string{
		`right now`, `rn`, `just now`, `tonight`, `suddenly`, `sudden`, `all of a sudden`, `out of nowhere`, `help`, `please help`, `hurry`, `asap`, `what do i do`, `what do we do`, `scared`, `freaking out`, `panicking`,
		`ahora`, `ahorita`, `de repente`, `ayuda`, `auxilio`, `que hago`, `urgente`,
	}
	severeSigns = []string{
		`chest`, `breath\w*`, `breathe`, `faint\w*`, `pass(?:ed|ing)? out`, `dizz\w*`, `numb\w*`, `weak`, `swell\w*`, `swollen`, `seiz\w*`, `shaking`, `unconscious`, `confused`, `blue`, `pale`, `collapse\w*`,
		`fell`, `fall`, `burn\w*`, `poison\w*`, `pills`, `bleed\w*`, `blood`, `vomit\w*`, `throwing up`, `heart`, `pounding`, `racing`, `choking`, `allergic`, `hives`, `head`, `vision`, `speech`, `slurr\w*`,
		`pecho`, `respirar`, `desmay\w*`, `mareo\w*`, `convulsi\w*`, `sangr\w*`, `hinchad[oa]`, `vomit\w*`, `corazon`, `cabeza`, `pastillas`,
	}
	// Advice asked that is personal in itself: whether something is
	// normal, what to take or to do.
	strongAskSigns = []string{
		`what could (?:it |this |that )?be (?:going on|wrong|causing)`, `what(?:'s| is) going on`, `is (?:it|this|that) (?:a|an) \w+ or`,
		`is (?:it|this|that) (?:normal|ok|okay|safe|bad|serious|dangerous|something to worry about)`, `should i`, `(?:can|could) i (?:take|give|use|mix|stop|double)`, `what (?:should|do|can) i (?:do|take|give|use)`,
		`how (?:much|many|often) (?:should|can|do) (?:i|you) (?:take|give)`, `es normal`, `es grave`, `debo`, `deberia`, `puedo (?:tomar|darle|dar|usar|mezclar)`, `que (?:le doy|tomo|puedo tomar)`,
	}
)

// Compiled signs, each of one situation.
var (
	emergencyRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(emergencySigns...))
	})
	infantRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b` + infant + `\b`)
	})
	infantFeverRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`hot`, `grunt\w*`, `fever`, `fiebre`, `temp`, `temperature`, `temperatura`, `calentura`, `limp`, `floppy`, `lethargic`, `wont eat`, `won't eat`, `not eating`, `no come`,
			// A temperature of 100.4 °F (38 °C) or more.
			`100\.[4-9]\d*`, `10[1-9](?:\.\d+)?`,
			`(?:3[89]|4[01])(?:[.,]\d+)? ?(?:c|°c|°|grados|de fiebre|de temperatura)`, `(?:fiebre|temperatura|temp) de (?:3[89]|4[01])`))
	})
	askRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(askSigns...))
	})
	strongAskRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(strongAskSigns...))
	})
	acuteRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(acuteSigns...))
	})
	severeRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(severeSigns...))
	})
	healthRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(healthSigns...))
	})
	medicineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(medicineSigns...))
	})
	serviceRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:` + strings.Join(serviceSigns, "|") + `)$`)
	})
	takeRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`take`, `taking`, `took`, `give`, `giving`, `mix`, `mixing`, `double`, `skip`, `stop`, `start`, `switch`, `increase`, `decrease`, `go up`, `go down`, `split`, `crush`, `tomar`, `tomo`, `darle`, `dar`, `mezclar`, `dejar`))
	})
	personalRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(personalSigns...))
	})
	accessRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(accessSigns...))
	})
	conditionRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(conditionSigns...))
	})
	disclosureRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(disclosureSigns...))
	})
	patientRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(patientSigns...))
	})
	needToRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`do (?:i|we) (?:need|have) to`))
	})
	newPatientRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`new patients?`, `pacientes? nuev[oa]s?`, `nuev[oa]s? pacientes?`))
	})
	// negatedRE matches a sign denied ("not suicidal", "no thoughts of
	// hurting myself"), which is no sign.
	// notNowRE denies that something happens now.
	notNowRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`no es ahorita`, `not (?:right )?now`, `not happening now`))
	})
	negatedRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(?:no|not|nor|never|without|sin|ni|no tengo|no pienso) (?:\w+ ){0,3}(?:suicidal|suicida|thoughts? of (?:hurting|harming|killing|suicide)|hurting (?:myself|herself|himself)|harming (?:myself|herself|himself)|hacerme dano|matarme)\b`)
	})
	// pastRE matches a time long gone, which makes an emergency's words a
	// story, unless an acute sign says it is happening now.
	pastRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`last (?:year|month|spring|summer|fall|winter)`, `(?:years?|months?) ago`, `back in`, `(?:in|since) (?:19|20)\d\d`, `el ano pasado`, `hace (?:\w+ )?(?:anos|meses)`, `last week`))
	})
	complaintRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(complaintSigns...))
	})
	feelingRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(feelingSigns...))
	})
	reviewRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(reviewSigns...))
	})
	practiceRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(practiceSigns...))
	})
	aboutPostRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`post`, `posts`, `posting`, `info`, `information`, `tips?`, `reminder`, `graphic`, `page`, `publicacion`, `informacion`))
	})
	spamRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(spamSigns...))
	})
	requestRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(requestSigns...))
	})
)

// questionRE matches the words that start a question, in English and
// Spanish, wherever they stand.
var questionRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[.!?¿¡,;:] ?|\b(?:and|but|or|so|y|o|pero) )(?:what|whats|what's|how|when|where|which|who|why|is there|are there|is it|is this|is that|are you|are u|r u|r there|` +
		`do (?:you|u|y'?all|ya|i|we|they)|does|did|can (?:i|you|u|we|my|someone)|could|will|would|should|may i|any (?:way|chance)|` +
		`que|como|cuando|donde|cual|cuales|cuanto|cuantos|cuanta|quien|por que|puedo|pueden|tienen|hay|aceptan|ponen|se puede|necesito)\b`)
})

// asks reports whether text asks something: a question mark, or the words
// a question starts with.
func asks(text string) bool {
	s := fold(text)
	return strings.ContainsAny(s, "?¿") || questionRE().MatchString(s)
}

// fold returns text as the signs read it: lower case, without accents,
// with straight apostrophes and single spaces.
func fold(text string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, err := transform.String(t, text)
	if err != nil {
		s = text
	}
	s = strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// classify returns the situation of text, emergencies first, and the
// words that show it; "" when it is none of them (a question for an entry,
// or anything else). The signs (see [emergencyIn] and [signs]) and the
// models (see model.go), which weigh the signs with the comment's words,
// decide together: an emergency is one the signs find that the emergency
// model does not rule out, or one the models find; a personal medical
// question is one the signs or the medical model find.
func classify(text string) (situation string, why []string) {
	s := prepare(text)
	emergency := emergencyIn(s)
	rule, why := signs(s)
	seen := rule
	if emergency != nil {
		seen = Emergency
	}
	fs := commentFeatures(text, s, seen)
	m := modelsOnce()
	pe, ew := m.emergency.prob(fs)
	pu, _ := m.urgency.prob(fs)
	switch {
	case emergency != nil && pe >= EmergencyFloor:
		return Emergency, emergency
	case emergencyScore(pe, pu) >= EmergencyThreshold:
		return Emergency, ew
	}
	if rule == Medical {
		return rule, why
	}
	if p, w := m.medical.prob(fs); p >= MedicalThreshold {
		return Medical, w
	}
	return rule, why
}

// emergencyScore returns the log-odds that a comment is an emergency,
// given the emergency model's probability pe and the urgency model's pu:
// the urgency model, which tells emergencies from medical questions only,
// may lower the emergency model's log-odds, never raise them, for it
// knows nothing of the other comments.
func emergencyScore(pe, pu float64) float64 {
	return logit(pe) + min(0, logit(pu))
}

// prepare returns text folded (see [fold]) as the signs read it: "new
// patient", which tells nothing of anyone's health, and a denied sign
// ("not suicidal") are taken out.
func prepare(text string) string {
	s := fold(text)
	s = newPatientRE().ReplaceAllString(s, "newcomer")
	return negatedRE().ReplaceAllString(s, "denied")
}

// emergencyIn returns the words of s, a prepared text (see [prepare]),
// that are signs of an emergency, or nil: an emergency's words that s
// does not deny (see [affirmed]) nor tell of as long past, a baby with a
// fever, or a severe symptom said to happen now.
func emergencyIn(s string) []string {
	lex := lexiconOnce()
	m := affirmed(emergencyRE(), s)
	if m == nil {
		m = affirmed(lex.emergency, s)
	}
	if m != nil && !(pastRE().MatchString(s) && !acuteRE().MatchString(s)) {
		return m
	}
	if inf := infantRE().FindString(s); inf != "" {
		if f := firstAffirmed(infantFeverRE(), s); f != "" {
			return []string{inf, f}
		}
	}
	if a := acuteRE().FindString(s); a != "" && !pastRE().MatchString(s) && !notNowRE().MatchString(s) {
		if sv := firstAffirmed(severeRE(), s); sv != "" {
			return []string{a, sv}
		}
	}
	return nil
}

// signs returns the situation other than an emergency that the signs in
// s, a prepared text (see [prepare]), point to, and the words that show
// it; "" when none does. Spam is Other.
func signs(s string) (situation string, why []string) {
	lex := lexiconOnce()
	if m := scheduleRE().FindAllString(s, -1); m != nil {
		return Request, m
	}
	ask := append(askRE().FindAllString(s, -1), lex.ask.FindAllString(s, -1)...)
	access := accessRE().MatchString(s)
	if access {
		// "Or do I have to go to urgent care?" asks where to be seen.
		ask = slices.DeleteFunc(ask, needToRE().MatchString)
		if len(ask) == 0 {
			ask = nil
		}
	}
	health := append(healthRE().FindAllString(s, -1), lex.symptom.FindAllString(s, -1)...)
	if health == nil && takeRE().MatchString(s) {
		// Taking one's medicine is a question of health.
		health = medicineRE().FindAllString(s, -1)
	}
	personal := personalRE().FindAllString(s, -1)
	question := strings.ContainsAny(s, "?¿") || ask != nil
	// Advice asked about one's own health: a question about treatment,
	// or any question but whether one can be seen.
	// Health beyond the practice's services: symptoms, conditions,
	// medicines, measures.
	own := slices.DeleteFunc(slices.Clone(health), serviceRE().MatchString)
	asked := question || questionRE().MatchString(s)
	if health != nil && (ask != nil || personal != nil && question && !access || strongAskRE().MatchString(s)) ||
		len(own) > 0 && asked && !access {
		return Medical, append(append(ask, health...), personal...)
	}
	if m := spamRE().FindAllString(s, -1); m != nil {
		return Other, m
	}
	if c := conditionRE().FindAllString(s, -1); c != nil && !question && !questionRE().MatchString(s) {
		if d := disclosureRE().FindAllString(s, -1); d != nil {
			return Disclosure, append(c, d...)
		}
		if personal != nil {
			return Disclosure, append(c, personal...)
		}
	}
	if p := patientRE().FindAllString(s, -1); p != nil {
		return Disclosure, p
	}
	if c := complaintRE().FindAllString(s, -1); c != nil && !(aboutPostRE().MatchString(s) && !practiceRE().MatchString(s)) {
		return Complaint, c
	}
	if r := reviewRE().FindAllString(s, -1); r != nil && !question && !questionRE().MatchString(s) {
		return Complaint, r
	}
	if f := feelingRE().FindAllString(s, -1); f != nil && !question && !questionRE().MatchString(s) {
		// A feeling about the practice's people or service, not about
		// the post.
		if p := practiceRE().FindAllString(s, -1); p != nil && !aboutPostRE().MatchString(s) {
			return Complaint, append(f, p...)
		}
	}
	// "Do I need an appointment?" asks how, not for one.
	if r := requestRE().FindAllString(strings.ReplaceAll(s, "do i need", "do_i_need"), -1); r != nil {
		return Request, r
	}
	return "", nil
}
