package check

// The sentence rules ask of a sentence whether it has a word of each of a
// few dozen sets, many of them of every sentence. Each set is a class of
// words, a bit of a table made once: a sentence's words are looked up once
// each, and then each question is a test of a bit.

// A wordClass is a set of classes of words.
type wordClass uint32

// The classes: each is the words of the set named, or as told.
const (
	clsReader           wordClass = 1 << iota // readerWords
	clsMedical                                // readerMedical, a medicine (medObjects, medKnown), advConditions, or advSymptoms but not advBodyOnly
	clsOne                                    // readerOne
	clsDeixis                                 // readerDeixis
	clsIll                                    // advConditions, or advSymptoms but not advBodyOnly
	clsNegation                               // advNegation
	clsMaybe                                  // claimMaybe
	clsNobody                                 // superlativeNobody
	clsFirstPerson                            // claimFirstPerson
	clsSuperlativeOurs                        // superlativeOurs
	clsResultVisits                           // resultVisits
	clsResultShown                            // resultShown
	clsResultGone                             // resultGone
	clsResultAfter                            // resultAfter
	clsPromiseOutcomes                        // promiseOutcomes
	clsPromiseOurs                            // promiseOurs
	clsPromiseAbsolutes                       // promiseAbsolutes
	clsDiagnosisHedges                        // diagnosisHedges
	clsThanks                                 // claimThanks
	clsPractice                               // claimPractice
	clsClaimOurs                              // claimOurs
	clsGeneral                                // claimGeneral
	clsComplaints                             // claimComplaints
	clsSymptoms                               // advSymptoms
	clsPraise                                 // advPraise
)

// wordClassOf gives the classes of each word of the sets above.
var wordClassOf = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, c := range []struct {
		class wordClass
		sets  []map[string]bool
	}{
		{clsReader, []map[string]bool{readerWords}},
		{clsMedical, []map[string]bool{readerMedical, medObjects, medKnown, advConditions}},
		{clsOne, []map[string]bool{readerOne}},
		{clsDeixis, []map[string]bool{readerDeixis}},
		{clsIll, []map[string]bool{advConditions}},
		{clsNegation, []map[string]bool{advNegation}},
		{clsMaybe, []map[string]bool{claimMaybe}},
		{clsNobody, []map[string]bool{superlativeNobody}},
		{clsFirstPerson, []map[string]bool{claimFirstPerson}},
		{clsSuperlativeOurs, []map[string]bool{superlativeOurs}},
		{clsResultVisits, []map[string]bool{resultVisits}},
		{clsResultShown, []map[string]bool{resultShown}},
		{clsResultGone, []map[string]bool{resultGone}},
		{clsResultAfter, []map[string]bool{resultAfter}},
		{clsPromiseOutcomes, []map[string]bool{promiseOutcomes}},
		{clsPromiseOurs, []map[string]bool{promiseOurs}},
		{clsPromiseAbsolutes, []map[string]bool{promiseAbsolutes}},
		{clsDiagnosisHedges, []map[string]bool{diagnosisHedges}},
		{clsThanks, []map[string]bool{claimThanks}},
		{clsPractice, []map[string]bool{claimPractice}},
		{clsClaimOurs, []map[string]bool{claimOurs}},
		{clsGeneral, []map[string]bool{claimGeneral}},
		{clsComplaints, []map[string]bool{claimComplaints}},
		{clsSymptoms, []map[string]bool{advSymptoms}},
		{clsPraise, []map[string]bool{advPraise}},
	} {
		for _, set := range c.sets {
			for w := range set {
				m[w] |= c.class
			}
		}
	}
	for w := range advSymptoms {
		if !advBodyOnly[w] {
			m[w] |= clsMedical | clsIll
		}
	}
	return m
}()

// wordClasses are the classes of the words of a sentence: of each, and of
// any.
type wordClasses struct {
	each []wordClass
	all  wordClass
}

// classesOf returns the classes of words, in buf's space.
func classesOf(words []string, buf []wordClass) wordClasses {
	wc := wordClasses{each: buf[:0]}
	for _, w := range words {
		c := wordClassOf[w]
		wc.each = append(wc.each, c)
		wc.all |= c
	}
	return wc
}

// has reports whether a word of the sentence is of class c.
func (wc wordClasses) has(c wordClass) bool { return wc.all&c != 0 }
