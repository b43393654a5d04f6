package check

import (
	"slices"
	"strings"
)

// The advice and claim rules in Spanish. They find what the English rules
// find, in the ways Spanish says it: a verb of obligation to the reader
// ("usted debe tomar", "tienes que dejar"), whose subject Spanish often
// leaves out; a diagnosis of the reader or their child ("su hijo tiene
// asma"); an order about a medicine in the imperative ("duplique la
// dosis", "no vacune a su bebé"); and the claims a practice must not make
// ("garantizamos", "el mejor médico", "sin efectos secundarios"). They
// share the English rules' names, severities and hints. Accents are
// optional in every word: comments and captions often leave them out.
var advSpanishRules = []advRule{
	// An obligation put on the reader, or on their child: a verb of
	// obligation and a verb of treatment or of the habits a clinician
	// would weigh ("usted debe dormir nueve horas", "su hija ya debe hacer
	// una dieta").
	{id: "ADVICE-YOU", expr: `(?i)\b(?:usted|ud|tú|tu|vos)\s+(?:(?:ya|no|s[ií]|si|realmente|definitivamente|de\s+verdad)\s+){0,2}` + esMust + `\s+` + esCare +
		`|\b(?:su|tu)\s+` + esKin + `(?:\s+\pL+){0,3}?\s+(?:ya\s+)?(?:no\s+)?` + esMust + `\s+` + esCare +
		`|\b` + esMust + `\s+` + esMedicineVerb + `\b` +
		`|\b(?:en\s+su\s+caso|en\s+tu\s+caso|seg[uú]n\s+(?:sus|tus)\s+s[ií]ntomas|por\s+(?:sus|tus)\s+s[ií]ntomas|(?:le|te)\s+(?:recomiendo|aconsejo|sugiero)|yo\s+(?:le|te)\s+(?:recomendar[ií]a|aconsejar[ií]a|sugerir[ií]a)` +
		`|yo\s+que\s+(?:usted|ud|t[uú]|vos)|lo\s+que\s+(?:usted|ud|t[uú]|vos)\s+necesita[s]?\s+es|si\s+yo\s+fuera\s+(?:usted|ud|t[uú]|vos)|(?:le|te|les)\s+(?:aconseja|recomienda|sugiere)n?\s+que)\b`,
		keep: func(s string, m []int) bool { return esAimedAtReader(s, m) && !esConditional(s, m[0]) }},
	// Telling the reader not to seek care.
	{id: "ADVICE-YOU", expr: `(?i)\b(?:no\s+(?:lo\s+|la\s+|los\s+|las\s+|le\s+)?(?:lleve|lleves|traiga|traigas|vaya|vayas|vay[aá]s)\s+(?:a\s+)?(?:la\s+|el\s+|al\s+)?(?:emergencias?|urgencias|hospital|doctor|m[eé]dico|cl[ií]nica)` +
		`|no\s+hace\s+falta\s+que\s+(?:venga|lo\s+traiga|la\s+traiga|vaya)|ni\s+se\s+moleste\s+en\s+(?:ir|venir|llevarl[oa]|traerl[oa])|no\s+vale\s+la\s+pena\s+(?:ir|venir|llevarl[oa])\s+a\s+(?:la\s+)?(?:sala\s+de\s+)?(?:emergencias|urgencias)|(?:usted|ud|tú|tu|vos)\s+no\s+necesita[s]?\s+(?:terapia|ir\s+al\s+m[eé]dico|venir|vacunarse|la\s+vacuna|medicina|tratamiento))`,
		keep: func(s string, m []int) bool { return !esGeneral(s, m[0]) }},
	// A diagnosis of what the reader describes: "lo que describe es
	// claramente …".
	{id: "ADVICE-DIAGNOSIS", expr: `(?i)\blo\s+(?:que\s+)?(?:usted\s+)?(?:describe|describ[ií]s|describes|cuenta|cont[aá]s|tiene|ten[eé]s|tienes|le\s+pasa|te\s+pasa)\b[^.!?]{0,80}?\bes\s+(?:claramente|seguramente|probablemente|sin\s+duda|obviamente|de\s+libro)\b`,
		keep: func(s string, m []int) bool { return !advQuestion(s, m[0], m[1]) }},
	// A diagnosis of the reader or of someone of theirs: a subject of
	// theirs, "has" or "is", and a condition within a few words.
	{id: "ADVICE-DIAGNOSIS", expr: `(?i)\b(?:(?:usted|ud|tú|tu|vos)\s+(?:no\s+)?(?:(?:probablemente|seguramente|seguro|claramente|ya)\s+)?(?:tiene|tienes|ten[eé]s|padece|padeces|sufre\s+de|sufres\s+de|es)` +
		`|(?:su|tu|ese|esa)\s+` + esKin + `(?:\s+[\pL\d]+){0,4}?\s+(?:(?:probablemente|seguramente|seguro|claramente|ya|no)\s+)?(?:tiene|padece|sufre\s+de|es)` +
		`|eso\s+(?:que\s+(?:le|te)\s+pasa\s+)?(?:suena\s+a|parece|es)|lo\s+(?:que\s+(?:usted\s+)?tiene|de\s+su\s+\pL+|suyo)\s+es` +
		`|la\s+\pL+\s+de\s+su\s+` + esKin + `\s+es)(?:\s+[\pL,]+){0,3}?\s+` + esCondition + `\b`,
		keep: func(s string, m []int) bool {
			return !advQuestion(s, m[0], m[1]) && !esGeneral(s, m[0]) && !esConditional(s, m[0])
		}},
	// An order about a medicine: to change, start or stop one, or to skip
	// a vaccine, in the imperative, with the pronouns Spanish joins to it.
	{id: "ADVICE-MEDICINE", expr: `(?i)\b` + esChangeVerb + `(?:\s+` + esGapWord + `){0,4}?\s+` + esMedicine +
		`|\b(?:no\s+(?:le\s+|les\s+|se\s+|te\s+)?(?:vacune|vacunes|vacun[eé]is|ponga|pongas|pong[aá]is|d[eé]|des|deis|deje\s+que\s+le\s+pongan)(?:\s+\pL+){0,3}?\s+(?:la\s+|las\s+)?vacunas?|s[aá]ltese|s[aá]ltate|deje\s+pasar\s+las\s+vacunas|no\s+(?:necesita|debe\s+recibir)\s+(?:la\s+|las\s+)?vacunas?)` +
		`|\b(?:no\s+)?(?:necesita|debe)\s+(?:empezar|recibir|tomar|dejar)\s+(?:con\s+)?` + esMedicine +
		`|\b` + esGiveVerb + `(?:\s+` + esGapWord + `){0,5}?\s+` + esRemedy +
		`|\b(?:ya\s+)?no\s+(?:le\s+|se\s+|te\s+)?(?:ponga|pongas|d[eé]|des|tome|tomes)\s+(?:m[aá]s\s+)?` + esRemedy +
		`|\bpuede\s+(?:dejar|suspender|quitar(?:le|se)?)\s+` + esMedicine +
		`|\bno\s+(?:lo\s+|la\s+|le\s+|te\s+)?vacunes?\b` +
		`|\bno\s+(?:les\s+|le\s+)?pong[aá]is\s+(?:la|las|el)\s+\pL+` +
		`|\bd[eé]j(?:alas|alos|ala|alo|elas|elos|ela|elo)\s+y\s+c[aá]mbi(?:ate|ese)\s+a\b|\b(?:separar|espaciar|repartir)\s+(?:\pL+\s+){0,2}?(?:las\s+)?vacunas|\b(?:se\s+las\s+)?(?:podemos|puede|pueden)\s+(?:separar|espaciar|repartir)\s+en\s+(?:\d+|dos|tres|cuatro|cinco|varias)\s+visitas` +
		`|\bc[oó]mpr(?:elo|ela|alo|ala|eselo|eselas?)\s+sin\s+receta\b|\blo\s+que\s+(?:le\s+|te\s+)?sirve\s+es\s+(?:el|la|un|una)\s+\pL+`,
		keep: func(s string, m []int) bool {
			return !esWithCareTeam(s, m) && !esGeneral(s, m[0]) && !esAsPrescribed(s, m)
		}},
	// A dose for the reader or their child.
	{id: "ADVICE-DOSE", expr: `(?i)\b(?:` + esGiveVerb + `|` + esChangeVerb + `)(?:\s+[\pL]+){0,4}?\s+(?:\d+(?:[.,]\d+)?|media|medio|una|un|dos|tres|cuatro|seis|el\s+doble)\s*(?:mg|ml|gotas?|pastillas?|tabletas?|c[aá]psulas?|cucharadas?|cucharaditas?|disparos|puff?s|unidades|de\s+\pL+)`,
		keep: func(s string, m []int) bool { return !esWithCareTeam(s, m) && !esAsPrescribed(s, m) }},
	{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:garantizamos|garantizad[oa]s?|garant[ií]a\s+(?:de|total)|curamos|cura\s+(?:el|la|los|las|su|tu|para)|cura\s+definitiva|curaci[oó]n\s+(?:total|garantizada|definitiva)|milagro(?:so|sa|sos|sas)?` +
		`|(?:le|te|se\s+lo|se\s+la|les)\s+(?:aseguramos|prometemos|garantizamos)|(?:100|cien)\s*(?:%|por\s+ciento)(?:\s+\pL+){0,2}?\s+(?:efectiv[oa]s?|segur[oa]s?|garantizad[oa]s?|natural(?:es)?|sin\s+dolor|de\s+[eé]xito)` +
		`|(?:cero|sin\s+(?:ning[uú]n\s+)?)\s*(?:efectos?\s+secundarios|riesgos?)|totalmente\s+indolor[oa]|desaparece(?:r[aá])?;?\s+se\s+lo\s+aseguramos)\b`,
		keep: func(s string, m []int) bool { return !esNegated(s, m[0]) }},
	// A superlative of the practice, its people or its care.
	{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:(?:el|la|los|las)\s+(?:\pL+\s+){0,2}?(?:mejor(?:es)?|m[aá]s\s+(?:confiable|querid[oa]|complet[oa]|r[aá]pid[oa]|exitos[oa]|efectiv[oa]|recomendad[oa]|experimentad[oa]|cariños[oa]|avanzad[oa]|moderna)s?)\s+` + esPracticeNoun +
		`|` + esPracticeNoun + `(?:\s+\pL+){0,3}?\s+(?:m[aá]s\s+(?:confiable|querid[oa]|complet[oa]|exitos[oa]|efectiv[oa]|recomendad[oa])s?|n[uú]mero\s+(?:uno|1))` +
		`|n[uú]mero\s+(?:uno|1)\s+(?:en|de|del|para)|nadie\s+se\s+(?:le|les)\s+compara|mejor\s+que\s+nosotros|(?:es|son)\s+(?:la|el|los|las)\s+m[aá]s\s+\pL+\s+(?:y\s+(?:la|el)\s+m[aá]s\s+\pL+\s+)?(?:de|del)\s+(?:estado|pa[ií]s|ciudad|Illinois|todo|toda|la\s+regi[oó]n))\b`,
		keep: func(s string, m []int) bool { return !esNegatedClaim(s, m[0]) }},
	{id: "CLAIM-TESTIMONIAL", expr: `(?i)\b(?:uno\s+de\s+nuestros\s+pacientes|una\s+de\s+nuestras\s+pacientes|nuestr[oa]\s+paciente\s+(?-i:\p{Lu})|me\s+(?:curaron|salvaron|sanaron|quitaron\s+el\s+dolor)|gracias\s+a\s+(?:la\s+|el\s+)?(?:dra?\.?|doctor[a]?)\s+\pL+` +
		`|testimonio|nos\s+(?:escribi(?:ó|o\b)|dijo\b|cont(?:ó|o\b))|(?:un|una)\s+paciente\s+(?:nos\s+)?(?:cuenta|relata|comparte|explica)\b|(?:opiniones|rese[ñn]as|comentarios)\s+como\s+(?:esta|este|estas|estos)\b|lo\s+que\s+dicen\s+nuestr[oa]s\b|comentario\s+de\s+un[ao]?\b|as[ií]\s+dice\s+un[ao]?\b|antes\s+y\s+despu[eé]s\b)`,
		keep: func(s string, m []int) bool { return esOutcome(advSentence(s, m[0], m[1])) }},
	// Claims in the ways ads and hashtags make them: a hashtag of the
	// best or of a guarantee ("#LaMejorClínica", "#ResultadosGarantizados"),
	// the best of a place ("el mejor ortodoncista de Jalisco"), the only
	// ones ("únicos en el país", "ningún otro centro tiene"), a trouble
	// gone for good ("adiós al dolor para siempre"), or perfection in one
	// visit.
	{id: "CLAIM-GUARANTEE", expr: `(?i)#(?:(?:la|el|los|las)?mejor\pL*|top\d+\b|(?:n[uú]mero)?uno\b|\pL*garant[ií]a\pL*|paciente(?:s)?(?:feliz|felices|satisfech[oa]s?)\b|\pL*nuncam[aá]s\b|antesydespu[eé]s\b|historia(?:s)?de[eé]xito\b|\pL*garantiz\pL*|garant[ií]a\pL*|\pL*ques[ií]funciona\pL*|sin\pL+en\d+d[ií]as|cero\pL+|adi[oó]s\pL+|\pL*sindolor\pL*|\pL*milagro\pL*)` +
		`|\b(?:el|la|los|las)\s+mejor(?:es)?\s+\pL+(?:\s+\pL+)?\s+(?:de|del|en)\s+(?:(?-i:\p{Lu})\pL*|la\s+(?:ciudad|isla|regi[oó]n|zona|comarca)\b|el\s+(?:pa[ií]s|estado|valle|mundo|condado)\b|todo\b|toda\b)` +
		`|\b(?:[uú]nic[oa]s?\s+en\s+(?:el|la|todo|toda)\s+(?:pa[ií]s|ciudad|estado|isla|regi[oó]n|zona|mundo|valle)|ning[uú]n\s+otr[oa]\s+(?:\pL+\s+){0,4}?(?:tiene|ofrece|hace|da|logra)|ning[uú]n[ao]?\s+otr[oa]\b(?:\s+\pL+){1,8}?\s+como\s+nosotr[oa]s|(?:el|la)\s+[uú]nic[oa]\s+(?:consultorio|cl[ií]nica|centro|lugar|m[eé]dic[oa]|equipo|doctor[a]?)\s+(?:de|del|en)\s+|cada\s+(?:embarazo|paciente|tratamiento|caso)\s+termina\s+(?:en|con|bien)|resultados\s+asegurados|o\s+la\s+consulta\s+es\s+gratis|es\s+cosa\s+del\s+pasado|nadie\s+(?:en|de)\s+(?:\pL+\s+){1,8}?como\s+(?:nosotr[oa]s|nuestr[oa]s?)|m[aá]s\s+(?:premiad|galardonad|reconocid|visitad)[oa]s?\s+(?:de|del|en)\s+|sin\s+\pL+\s+o\s+sin\s+(?:pago|costo|cobro)|o\s+no\s+(?:pagas|paga|pague)\b|o\s+(?:tu|su)\s+\pL+\s+gratis\b|no\s+hay\s+(?:mejor|otr[oa])\s+\pL+(?:\s+\pL+){0,6}?\s+(?:que|como)\s+(?:nuestr|nosotr|aqu[ií]|el\s+nuestro|la\s+nuestra)|ning[uú]n\s+paciente\s+(?:nuestro\s+)?(?:\pL+\s+){0,3}?(?:ha\s+salido|sale|se\s+va|se\s+ha\s+ido)\s+sin\s+mejorar|resultados\s+desde\s+la\s+primera\s+(?:sesi[oó]n|cita|visita)|curad[oa]s?\s+(?:el\s+mismo\s+d[ií]a|en\s+\d+\s+d[ií]as)|en\s+el\s+(?:100\s*%|cien\s+por\s+ciento)\s+de\s+los\s+casos|que\s+se\s+atiende[n]?\s+aqu[ií]\s+termina[n]?\s+en|` +
		`m[aá]s\s+\pL+(?:ado|ada|ados|adas|ido|ida|idos|idas|ivo|iva|ivos|ivas|ano|ana|anos|anas|oso|osa|osos|osas|ble|bles|al|ales|ro|ra|ros|ras|to|ta|tos|tas|ve|ves|ente|entes|ante|antes)(?:\s+y\s+(?:m[aá]s\s+)?\pL+)?(?:\s+\pL+){0,4}?\s+(?:de|del|en)\s+(?:tod[oa]\s+(?:el\s+|la\s+)?)?(?:(?-i:\p{Lu})\pL*|la\s+(?:ciudad|regi[oó]n|zona|isla|comarca)\b|el\s+(?:pa[ií]s|estado|valle|barrio|condado)\b)|o\s+le\s+devolvemos\s+(?:su|el)\s+dinero|nunca\s+(?:se\s+equivoca|falla)n?|nadie\s+(?:m[aá]s\s+)?(?:lo\s+)?hace\s+(?:como|mejor|igual))\b` +
		`|\b(?:adi[oó]s\s+(?:a|al|a\s+la|a\s+los|a\s+las|a\s+tus|a\s+sus)\s+\pL+(?:\s+\pL+){0,3}?\s+para\s+siempre|(?:elimina|eliminamos|quita|quitamos|acaba\s+con|termina\s+con|olv[ií]date\s+de|olv[ií]dese\s+de)(?:\s+\pL+){1,4}?\s+para\s+siempre)\b` +
		`|\b(?:su|tu)\s+(?:tratamiento|terapia|plan)\s+(?:va\s+a\s+funcionar|funcionar[aá]|s[ií]\s+funciona)\b` +
		`|\b(?:corrigen?|eliminan?|previenen?|regeneran?|revierten?|recupera|borran?|acaban?\s+con)\b[^.!?]{0,60}?(?:definitivamente|para\s+siempre|de\s+ra[ií]z|por\s+completo|en\s+una\s+sola\s+(?:toma|dosis|sesi[oó]n)|sin\s+(?:cirug[ií]a|operaci[oó]n|pasar\s+por\s+(?:el\s+)?quir[oó]fano)|en\s+\d+\s+sesiones)` +
		`|\bcuran\s+(?:el|la|los|las|su|sus|tu|tus)\s+\pL+|\bcura[n]?\s+(?:por\s+completo|definitivamente|para\s+siempre)\b` +
		`|\b(?:nuestr[oa]s?\s+\pL+(?:\s+\pL+){0,3}?\s+)(?:previene[n]?|revierte[n]?|elimina[n]?|cura[n]?)\s+(?:el|la|los|las)\s+(?:\pL+\s+){0,2}?` + esCondition +
		`|\bdesaparece[n]?\s+y\s+no\s+(?:regresa|vuelve)n?\b|\bno\s+(?:regresa|vuelve)n?\s+(?:nunca|jam[aá]s)\b` +
		`|\b(?:perfect[oa]s?|garantizad[oa]s?|definitiv[oa]s?)\s+en\s+(?:una\s+sola|solo\s+una|s[oó]lo\s+una)\s+(?:cita|sesi[oó]n|visita|consulta)\b` +
		`|\b(?:100|cien)\s*(?:%|por\s+ciento)\s+indolor[oa]s?\b`,
		keep: func(s string, m []int) bool { return !esNegatedClaim(s, m[0]) }},
	// A patient's own words of a result, quoted: "“En cuatro sesiones se
	// acabaron mis ataques de pánico.”"
	{id: "CLAIM-TESTIMONIAL", expr: `(?i)[“"][^”"]{0,200}?\b(?:se\s+(?:me\s+)?acab(?:ó|o|aron)\s+(?:mis|mi)|me\s+(?:cur[oó]|curaron|cambi[oó]\s+la\s+vida|cambiaron\s+la\s+vida|devolvieron)|se\s+(?:me\s+)?normaliz(?:ó|o\b)|desde\s+que\s+vengo\s+con|ya\s+ni\s+\pL+\s+tomo|gracias\s+a\s+[^”"]{1,60}?\bmi\s+` + esKin + `|sal[ií]\s+curad[oa]|ya\s+no\s+(?:tengo|sufro|siento)|desaparecieron\s+mis|volv[ií]\s+a\s+(?:vivir|sonre[ií]r|dormir))`},
	// A result promised by numbers: "el 98% de nuestros pacientes mejora".
	{id: "CLAIM-GUARANTEE", expr: `(?i)\b(?:\d+\s*%\s+de\s+(?:\pL+\s+){0,4}?(?:pacientes|niñ[oa]s|clientes|familias)|(?:\d+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\s+de\s+cada\s+(?:diez|10|cien|100|cuatro|cinco)\s+(?:\pL+\s+){0,2}?(?:pacientes|niñ[oa]s|familias)` +
		`|(?:bajan|pierden)\s+\d+\s+(?:libras|kilos)\s+en|sin\s+(?:una\s+sola|ninguna)\s+reca[ií]da|el\s+doble\s+de\s+r[aá]pido|ning[uú]n\s+(?:niño|paciente)\s+(?:\pL+\s+){0,3}?se\s+ha\s+(?:enfermado|contagiado)` +
		`|\bde\s+talla\s+\d+\s+a\s+(?:talla\s+)?\d+|despu[eé]s\s+de\s+(?:\d+|dos|tres|cuatro|cinco|seis|diez)\s+sesiones|(?:con|en)\s+(?:solo|s[oó]lo)\s+(?:\d+|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+(?:sesiones|citas|visitas|semanas|d[ií]as)|\b\d+\s+a[nñ]os\s+menos\b|\b\pL+\s+sesiones\s+y\s+listo` +
		`|m[aá]s\s+de\s+\d[\d.,]*\s+(?:pacientes|parejas|personas|familias|niñ[oa]s|clientes|mam[aá]s|adultos)\s+(?:ya\s+)?\pL+(?:aron|ieron|ron)\b)`,
		keep: func(s string, m []int) bool { return esOurs(advSentence(s, m[0], m[1])) }},
}

// The words of the Spanish rules, as expressions.
const (
	esMust = `(?:debe|deber[ií]a|debes|deber[ií]as|tiene\s+que|tienes\s+que|ten[eé]s\s+que|necesita|necesitas|ocupa|ocupas)`
	// esCare are the verbs of treatment and of the habits a clinician
	// weighs.
	esCare         = `(?:dejar|empezar|comenzar|tomar(?:se)?|suspender|duplicar|aumentar(?:le)?|subir(?:le)?|bajar(?:le)?|saltar(?:se)?|darle|ponerle|usar|probar|dormir|comer|hacer\s+(?:una\s+)?(?:dieta|ejercicio)|bajar\s+de\s+peso|manejar|evitar|operarse|vacunar(?:se|lo|la)?|ir\s+a\s+(?:emergencias|urgencias|terapia)|recibir)`
	esMedicineVerb = `(?:dejar\s+de\s+tomar|empezar\s+a\s+tomar|suspender\s+(?:el|la|su|los|las)|duplicar\s+(?:la|su)\s+dosis|cambiar\s+(?:el|la|los|las|su|sus)\s+\pL+\s+por)`
	esKin          = `(?:hij[oa]s?|beb[eé]|baby|ni[nñ][oa]|nen[ae]|adolescente|mam[aá]|pap[aá]|esposo|esposa|marido|abuel[oa]|suegr[oa]|nieto|nieta|pareja)`
	// esGapWord is a word between an order's verb and its medicine: a
	// word, a number ("2,5", "2.5") or an abbreviation ("p. ej.", "mg."),
	// but no word that ends a sentence, whose next may begin with a
	// capital that is no medicine ("deje un mensaje. Le devolvemos …").
	esGapWord = `(?:[\pL\d,]+(?:\.\d+)*|(?:p|ej|aprox|etc|mg|ml|cc|gr|dr|dra|sr|sra|ud|uds|vs)\.)`
	// esChangeVerb are orders to change a medicine, with the pronouns
	// joined to them: bájele, súbele, duplíquele, quítele, suspéndala.
	esChangeVerb = `(?:dupl[ií]qu(?:e|ele|eselo|elo|ela)|duplica(?:le)?|aum[eé]nt(?:e|ele|a|ale)|s[uú]b(?:a|ale|ele|e)|subile|b[aá]j(?:e|ele|ale|a)|bajale|suspend(?:a|e|ala|alo)|susp[eé]nd(?:ala|alo|ale)|qu[ií]t(?:ele|ale|eselo|ese)|quitale|dej(?:e|a)(?:\s+de\s+(?:tomar|darle|usar))?|olv[ií]dese\s+del?|reduzca|reduce|cambie|cambia|empiece(?:\s+a\s+darle)?|empieza|comience|comienza|an[ií]mate\s+con|an[ií]mese\s+con|hay\s+que\s+(?:sacarle|quitarle|suspenderle|bajarle|subirle)|no\s+(?:le\s+)?d[eé]\s+m[aá]s|no\s+te\s+tomes\s+m[aá]s)`
	esGiveVerb   = `(?:d[eé]le|dale|d[eé]les|p[oó]ngale|ponle|ponele|p[oó]ngase|t[oó]mese|t[oó]mate|tomate|tome|apl[ií]queselo|apl[ií]quesela|apl[ií]quese|apl[ií]quele|aplicale|c[oó]mprese|c[oó]mprele|[uú]ntese|[uú]ntele|ponles|p[oó]ngales|l[aá]vate|l[aá]vese|[eé]chele|[eé]chale|[eé]chales|s[uú]bele|c[aá]mbiele)`
	// esMedicine are medicines, named or by kind: a name in capitals
	// (Motrin, Prozac), or a generic name by its ending.
	esMedicine = `(?:la\s+|el\s+|las\s+|los\s+|su\s+|tu\s+|sus\s+|tus\s+|del\s+|al\s+)?(?:dosis|medicina|medicinas|medicamento|medicamentos|pastillas?|antiinflamatorios?|analg[eé]sicos?|parches?|diur[eé]ticos?|anticoagulantes?|antihistam[ií]nicos?|ansiol[ií]ticos?|opioides?|esteroides?|corticoides?|insulina|tratamiento|antibi[oó]ticos?|antidepresivos?|jarabe|inhalador|gotas|gotitas|vitamina|melatonina|hierro|litio|(?-i:\p{Lu})[\pL]+|\pL+(?:ina|ato|ol|am|pam|ona|ida|ilo|ex|ax))\b`
	// esRemedy are medicines and home remedies given as treatment.
	esRemedy       = `(?:` + esMedicine + `|(?:una?\s+|el\s+|la\s+|unas\s+)?(?:(?:crema|pomada|aceite|gotitas|remedio|ung[uü]ento|vaporub|supositorio|s[aá]bila|aloe|maicena|bicarbonato|lim[oó]n|miel|vinagre|jab[oó]n|ox[ií]geno|hielo|compresa|media|rodaja|paño|fomento|cebolla)s?\b|clara\s+de\s+huevo|t(?:é|e\b)))`
	esCondition    = `(?:asma|autismo|tdah|depresi[oó]n|ansiedad|diabetes|bipolar|epilepsia|imp[eé]tigo|eczema|eccema|alergia|alcoholismo|trastorno|infecci[oó]n|neumon[ií]a|bronquitis|bronquiolitis|gripe|influenza|covid|otitis|anemia|hipertensi[oó]n|presi[oó]n\s+alta|c[aá]ncer|apendicitis|migra[nñ]a|reflujo|c[oó]licos?|sarpullido|varicela|estreptococo|faringitis|amigdalitis|sinusitis|conjuntivitis|piojos|sarna|hongos|tiroides|colesterol|obesidad|dislexia|esquizofrenia|demencia|alzh[eé]imer|adicci[oó]n|anorexia|bulimia|tos\s+ferina|hepatitis|lupus|artritis|gastritis|[uú]lcera|hernia|asperger|psicosis|apnea|d[eé]ficit\s+de\s+atenci[oó]n|hiperactividad|sobrepeso|infecci[oó]n\s+de\s+o[ií]do)`
	esPracticeNoun = `(?:cl[ií]nica|consultorio|pediatra|m[eé]dic[oa]|doctor[a]?|psic[oó]log[oa]|terapeuta|dentista|enfermer[oa]|programa|terapia|equipo|atenci[oó]n|trato|vacunas|especialista|servicio|centro|farmacia|ortodoncista|odont[oó]log[oa]|psiquiatra|cirujan[oa]|farmac[eé]utic[oa])(?:es|s)?`
)

// esConditional reports whether the words before i open a condition
// ("si necesita cambiar su cita"), which asks nothing of the reader.
func esConditional(s string, i int) bool {
	words := advWords(strings.ToLower(advBefore(s, i, advSentenceStops+",")), 2)
	return slices.Contains(words, "si") || slices.Contains(words, "cuando")
}

// esAsPrescribed reports whether the order at m is to take a medicine as
// prescribed ("tome su medicina como se la recetaron"), which is general.
func esAsPrescribed(s string, m []int) bool {
	after := strings.ToLower(s[m[1]:min(len(s), m[1]+60)])
	return slices.ContainsFunc([]string{"como se l", "como le indic", "como lo indic", "según la receta", "segun la receta", "según la etiqueta", "segun la etiqueta", "como dice la receta", "como dice la etiqueta", "que le recet"},
		func(p string) bool { return strings.Contains(after, p) })
}

// esDenyWords deny a superlative that follows them ("no decimos ser la
// mejor clínica"); "ningún" and "nadie" make one ("ningún consultorio lo
// trata mejor que nosotros").
var esDenyWords = advSet("no", "nunca", "jamás", "jamas", "tampoco", "ni", "ningún", "ningun", "ninguna", "nadie")

// esNegatedClaim reports whether a superlative is denied: a word of
// esDenyWords before it in its sentence.
func esNegatedClaim(s string, i int) bool {
	return advAny(advWords(strings.ToLower(advBefore(s, i, advSentenceStops)), 8), esDenyWords)
}

// esOurs reports whether a sentence speaks of the practice's own
// patients or care: a figure of its own, not a public one.
func esOurs(sentence string) bool {
	s := strings.ToLower(sentence)
	return slices.ContainsFunc([]string{"nuestr", "aquí", "aqui", "con nosotros", "sacamos", "atendemos", "tratamos"},
		func(p string) bool { return strings.Contains(s, p) })
}

// esOutcome reports whether a sentence tells of a result of care: a
// quotation, or words of a change ("ya no", "dejó de", "gracias a").
func esOutcome(sentence string) bool {
	s := strings.ToLower(sentence)
	return strings.ContainsAny(s, "\"“”«»") || slices.ContainsFunc([]string{"ya no", "dejó de", "dejo de", "gracias a", "desde que", "se le quit", "se me quit", "se curó", "se curo", "mejoró", "mejoro", "ya habla", "ya camina", "ya duerme"},
		func(p string) bool { return strings.Contains(s, p) })
}

// esAimedAtReader reports whether the obligation at m in s is said to the
// reader: not of people in general ("todos los adultos deben"), and not
// in a sentence that sends the reader to their care team.
func esAimedAtReader(s string, m []int) bool {
	return !esGeneral(s, m[0]) && !esWithCareTeam(s, m)
}

// esGeneralWords are the subjects of general education.
var esGeneralWords = advSet("todos", "todas", "cada", "nadie", "adultos", "personas", "gente", "pacientes", "niños", "ninos", "mayores", "mujeres", "hombres", "quien", "quienes", "alguien")

// esGeneral reports whether the words before i in its sentence speak of
// people in general.
func esGeneral(s string, i int) bool {
	return advAny(advWords(strings.ToLower(advBefore(s, i, advSentenceStops)), 6), esGeneralWords)
}

// esWithCareTeam reports whether the sentence of m sends the reader to
// their clinician first ("sin hablar con su médico", "consulte"), which
// is general advice.
func esWithCareTeam(s string, m []int) bool {
	sen := strings.ToLower(advSentence(s, m[0], m[1]))
	return slices.ContainsFunc([]string{"sin hablar", "antes de hablar", "hable con", "habla con", "consulte", "consulta con", "pregunte a", "pregúntele", "preguntele", "su equipo de atención", "su equipo de atencion", "su médico le", "su medico le"},
		func(p string) bool { return strings.Contains(sen, p) })
}

// esNegationWords deny a claim that follows them.
var esNegationWords = advSet("no", "ningún", "ningun", "ninguna", "nunca", "jamás", "jamas", "nadie", "ni", "tampoco")

// esNegated reports whether a negation stands among the few words before
// i in its sentence.
func esNegated(s string, i int) bool {
	return advAny(advWords(strings.ToLower(advBefore(s, i, advSentenceStops)), 5), esNegationWords)
}
