//! Closed-class English words and their grammatical classes, the skeleton the shallow parser
//! leans on: determiners, pronouns, prepositions, auxiliaries, modals, negation, conjunctions,
//! common adverbs and time words.

use rustc_hash::FxHashMap;

/// Grammatical classes of a word, as bit flags (a word may have several).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Tags(pub u32);

macro_rules! tags {
    ($($name:ident = $bit:expr, $doc:literal;)*) => {
        impl Tags {
            $(#[doc = $doc] pub const $name: Tags = Tags(1 << $bit);)*
        }
    };
}

tags! {
    DET = 0, "Determiner or quantifier (the, a, some, both).";
    POSS = 1, "Possessive pronoun (his, its, their).";
    PRON = 2, "Personal pronoun in subject position (he, it, they).";
    PRON_OBJ = 3, "Personal pronoun in object position (him, them).";
    PREP = 4, "Preposition (in, on, with, against).";
    COORD = 5, "Coordinating conjunction (and, or, but).";
    SUBORD = 6, "Subordinating conjunction (because, although, if).";
    REL = 7, "Relative pronoun (who, which, whose).";
    THAT = 8, "The complementiser or relative 'that'.";
    BE = 9, "A form of 'be'.";
    HAVE = 10, "A form of 'have'.";
    DO = 11, "A form of 'do'.";
    MODAL = 12, "Modal auxiliary (will, would, may).";
    NEG = 13, "Negation (not, n't, never).";
    ADV = 14, "Adverb.";
    ADJ = 15, "Common adjective.";
    NUM = 16, "Number word.";
    TIME = 17, "Time word (today, Monday, week).";
    REPORT = 18, "Reporting verb (said, told).";
    TO = 19, "The word 'to'.";
    BY = 20, "The word 'by'.";
    OF = 21, "The word 'of'.";
    FUTURE = 22, "Marks future or intention (will, shall, going).";
    HYPOTHETICAL = 23, "Marks possibility (may, might, could, would).";
    CONDITION = 24, "Introduces a condition (if, unless).";
    REFLEXIVE = 25, "Reflexive pronoun (itself, themselves).";
    QUESTION = 26, "Question word (what, why, whether).";
    MODIFIER_FORMER = 27, "Marks a former office holder (former, ex-, ousted).";
    NOUN = 28, "Common noun that is never a verb in news (country, people).";
}

impl Tags {
    /// No class.
    pub const NONE: Tags = Tags(0);

    /// Whether any of the flags in `other` is set.
    #[inline]
    pub fn has(self, other: Tags) -> bool {
        self.0 & other.0 != 0
    }

    /// Union.
    #[inline]
    pub fn with(self, other: Tags) -> Tags {
        Tags(self.0 | other.0)
    }

    /// Whether the word is an auxiliary of any kind.
    #[inline]
    pub fn is_aux(self) -> bool {
        self.has(Tags(Tags::BE.0 | Tags::HAVE.0 | Tags::DO.0 | Tags::MODAL.0))
    }
}

impl std::ops::BitOr for Tags {
    type Output = Tags;
    fn bitor(self, o: Tags) -> Tags {
        self.with(o)
    }
}

const WORDS: &[(&str, Tags)] = &[
    // determiners and quantifiers
    ("the", Tags::DET),
    ("a", Tags::DET),
    ("an", Tags::DET),
    ("this", Tags::DET),
    ("these", Tags::DET),
    ("those", Tags::DET),
    ("some", Tags::DET),
    ("any", Tags::DET),
    ("all", Tags::DET),
    ("both", Tags::DET),
    ("each", Tags::DET),
    ("every", Tags::DET),
    ("several", Tags::DET),
    ("many", Tags::DET),
    ("few", Tags::DET),
    ("most", Tags::DET),
    ("more", Tags::DET),
    ("other", Tags::DET),
    ("another", Tags::DET),
    ("such", Tags::DET),
    ("no", Tags(Tags::DET.0 | Tags::NEG.0)),
    ("its", Tags::POSS),
    ("his", Tags::POSS),
    ("her", Tags(Tags::POSS.0 | Tags::PRON_OBJ.0)),
    ("their", Tags::POSS),
    ("our", Tags::POSS),
    ("my", Tags::POSS),
    ("your", Tags::POSS),
    ("whose", Tags(Tags::REL.0 | Tags::POSS.0)),
    // pronouns
    ("he", Tags::PRON),
    ("she", Tags::PRON),
    ("it", Tags(Tags::PRON.0 | Tags::PRON_OBJ.0)),
    ("they", Tags::PRON),
    ("we", Tags::PRON),
    ("i", Tags::PRON),
    ("you", Tags(Tags::PRON.0 | Tags::PRON_OBJ.0)),
    ("him", Tags::PRON_OBJ),
    ("them", Tags::PRON_OBJ),
    ("us", Tags::PRON_OBJ),
    ("me", Tags::PRON_OBJ),
    ("itself", Tags::REFLEXIVE),
    ("himself", Tags::REFLEXIVE),
    ("herself", Tags::REFLEXIVE),
    ("themselves", Tags::REFLEXIVE),
    ("ourselves", Tags::REFLEXIVE),
    // relatives, complementiser, questions
    ("who", Tags(Tags::REL.0 | Tags::QUESTION.0)),
    ("whom", Tags::REL),
    ("which", Tags(Tags::REL.0 | Tags::QUESTION.0)),
    ("that", Tags(Tags::THAT.0 | Tags::DET.0)),
    ("what", Tags::QUESTION),
    ("why", Tags::QUESTION),
    ("whether", Tags(Tags::QUESTION.0 | Tags::CONDITION.0)),
    ("where", Tags(Tags::REL.0 | Tags::QUESTION.0)),
    ("how", Tags::QUESTION),
    // prepositions
    ("in", Tags::PREP),
    ("on", Tags::PREP),
    ("at", Tags::PREP),
    ("with", Tags::PREP),
    ("against", Tags::PREP),
    ("from", Tags::PREP),
    ("for", Tags::PREP),
    ("into", Tags::PREP),
    ("onto", Tags::PREP),
    ("over", Tags::PREP),
    ("under", Tags::PREP),
    ("between", Tags::PREP),
    ("among", Tags::PREP),
    ("amid", Tags::PREP),
    ("during", Tags::PREP),
    ("after", Tags(Tags::PREP.0 | Tags::SUBORD.0)),
    ("before", Tags(Tags::PREP.0 | Tags::SUBORD.0)),
    ("about", Tags::PREP),
    ("across", Tags::PREP),
    ("along", Tags::PREP),
    ("around", Tags::PREP),
    ("through", Tags::PREP),
    ("throughout", Tags::PREP),
    ("toward", Tags::PREP),
    ("towards", Tags::PREP),
    ("upon", Tags::PREP),
    ("within", Tags::PREP),
    ("without", Tags::PREP),
    ("near", Tags::PREP),
    ("outside", Tags::PREP),
    ("inside", Tags::PREP),
    ("despite", Tags::PREP),
    ("via", Tags::PREP),
    ("per", Tags::PREP),
    ("including", Tags::PREP),
    ("like", Tags::PREP),
    ("following", Tags::PREP),
    ("until", Tags(Tags::PREP.0 | Tags::SUBORD.0)),
    ("since", Tags(Tags::PREP.0 | Tags::SUBORD.0)),
    ("by", Tags(Tags::PREP.0 | Tags::BY.0)),
    ("of", Tags(Tags::PREP.0 | Tags::OF.0)),
    ("to", Tags(Tags::PREP.0 | Tags::TO.0)),
    ("off", Tags::PREP),
    ("out", Tags::PREP),
    ("up", Tags::PREP),
    ("down", Tags::PREP),
    ("behind", Tags::PREP),
    ("beyond", Tags::PREP),
    ("above", Tags::PREP),
    ("below", Tags::PREP),
    ("alongside", Tags::PREP),
    ("regarding", Tags::PREP),
    ("concerning", Tags::PREP),
    ("than", Tags::PREP),
    ("versus", Tags::PREP),
    // conjunctions
    ("and", Tags::COORD),
    ("or", Tags::COORD),
    ("but", Tags::COORD),
    ("nor", Tags::COORD),
    ("yet", Tags(Tags::COORD.0 | Tags::ADV.0)),
    ("because", Tags::SUBORD),
    ("although", Tags::SUBORD),
    ("though", Tags::SUBORD),
    ("while", Tags::SUBORD),
    ("whereas", Tags::SUBORD),
    ("when", Tags(Tags::SUBORD.0 | Tags::QUESTION.0)),
    ("as", Tags(Tags::SUBORD.0 | Tags::PREP.0)),
    ("if", Tags(Tags::SUBORD.0 | Tags::CONDITION.0)),
    ("unless", Tags(Tags::SUBORD.0 | Tags::CONDITION.0)),
    ("once", Tags::SUBORD),
    ("so", Tags(Tags::SUBORD.0 | Tags::ADV.0)),
    // auxiliaries
    ("be", Tags::BE),
    ("is", Tags::BE),
    ("are", Tags::BE),
    ("am", Tags::BE),
    ("was", Tags::BE),
    ("were", Tags::BE),
    ("been", Tags::BE),
    ("being", Tags::BE),
    ("'s", Tags::BE),
    ("'re", Tags::BE),
    ("'m", Tags::BE),
    ("have", Tags::HAVE),
    ("has", Tags::HAVE),
    ("had", Tags::HAVE),
    ("having", Tags::HAVE),
    ("'ve", Tags::HAVE),
    ("'d", Tags::MODAL),
    ("do", Tags::DO),
    ("does", Tags::DO),
    ("did", Tags::DO),
    ("will", Tags(Tags::MODAL.0 | Tags::FUTURE.0)),
    ("shall", Tags(Tags::MODAL.0 | Tags::FUTURE.0)),
    ("'ll", Tags(Tags::MODAL.0 | Tags::FUTURE.0)),
    ("would", Tags(Tags::MODAL.0 | Tags::FUTURE.0)),
    ("should", Tags::MODAL),
    ("must", Tags::MODAL),
    ("can", Tags::MODAL),
    ("may", Tags(Tags::MODAL.0 | Tags::HYPOTHETICAL.0)),
    ("might", Tags(Tags::MODAL.0 | Tags::HYPOTHETICAL.0)),
    ("could", Tags(Tags::MODAL.0 | Tags::HYPOTHETICAL.0)),
    // negation
    ("not", Tags::NEG),
    ("n't", Tags::NEG),
    ("never", Tags::NEG),
    ("neither", Tags::NEG),
    ("nor", Tags::NEG),
    // adverbs (the -ly ones are recognised by suffix)
    ("also", Tags::ADV),
    ("again", Tags::ADV),
    ("already", Tags::ADV),
    ("still", Tags::ADV),
    ("now", Tags(Tags::ADV.0 | Tags::TIME.0)),
    ("then", Tags::ADV),
    ("soon", Tags::ADV),
    ("just", Tags::ADV),
    ("even", Tags::ADV),
    ("only", Tags::ADV),
    ("further", Tags::ADV),
    ("jointly", Tags::ADV),
    ("reportedly", Tags::ADV),
    ("allegedly", Tags::ADV),
    ("here", Tags::ADV),
    ("there", Tags::ADV),
    ("once", Tags::ADV),
    ("twice", Tags::ADV),
    ("ever", Tags::ADV),
    ("instead", Tags::ADV),
    ("however", Tags::ADV),
    ("together", Tags::ADV),
    ("almost", Tags::ADV),
    ("nearly", Tags::ADV),
    ("about", Tags::ADV),
    ("formally", Tags::ADV),
    ("repeatedly", Tags::ADV),
    ("publicly", Tags::ADV),
    ("openly", Tags::ADV),
    ("strongly", Tags::ADV),
    ("sharply", Tags::ADV),
    ("unilaterally", Tags::ADV),
    ("officially", Tags::ADV),
    ("far", Tags::ADV),
    ("long", Tags::ADV),
    ("back", Tags::ADV),
    ("away", Tags::ADV),
    ("ago", Tags::ADV),
    ("previously", Tags::ADV),
    ("recently", Tags::ADV),
    ("later", Tags::ADV),
    ("earlier", Tags::ADV),
    ("late", Tags::ADV),
    ("overnight", Tags(Tags::ADV.0 | Tags::TIME.0)),
    // common adjectives that sit between a determiner and a noun
    ("new", Tags::ADJ),
    ("former", Tags(Tags::ADJ.0 | Tags::MODIFIER_FORMER.0)),
    ("ex", Tags::MODIFIER_FORMER),
    ("ousted", Tags(Tags::ADJ.0 | Tags::MODIFIER_FORMER.0)),
    ("deposed", Tags(Tags::ADJ.0 | Tags::MODIFIER_FORMER.0)),
    ("exiled", Tags::ADJ),
    ("senior", Tags::ADJ),
    ("top", Tags::ADJ),
    ("high", Tags::ADJ),
    ("chief", Tags::ADJ),
    ("local", Tags::ADJ),
    ("national", Tags::ADJ),
    ("international", Tags::ADJ),
    ("foreign", Tags::ADJ),
    ("military", Tags::ADJ),
    ("main", Tags::ADJ),
    ("major", Tags::ADJ),
    ("key", Tags::ADJ),
    ("joint", Tags::ADJ),
    ("bilateral", Tags::ADJ),
    ("full", Tags::ADJ),
    ("official", Tags::ADJ),
    ("unidentified", Tags::ADJ),
    ("armed", Tags::ADJ),
    ("angry", Tags::ADJ),
    ("leading", Tags::ADJ),
    ("prominent", Tags::ADJ),
    ("powerful", Tags::ADJ),
    ("acting", Tags::ADJ),
    ("interim", Tags::ADJ),
    ("incoming", Tags::ADJ),
    ("outgoing", Tags::ADJ),
    ("newly", Tags::ADV),
    ("elected", Tags::ADJ),
    ("visiting", Tags::ADJ),
    ("rival", Tags::ADJ),
    ("neighbouring", Tags::ADJ),
    ("neighboring", Tags::ADJ),
    ("fellow", Tags::ADJ),
    ("ruling", Tags::ADJ),
    ("opposition", Tags::ADJ),
    ("hardline", Tags::ADJ),
    ("radical", Tags::ADJ),
    ("pro", Tags::ADJ),
    ("anti", Tags::ADJ),
    ("several", Tags::DET),
    ("last", Tags(Tags::ADJ.0 | Tags::TIME.0)),
    ("next", Tags(Tags::ADJ.0 | Tags::TIME.0)),
    ("first", Tags(Tags::ADJ.0 | Tags::NUM.0)),
    ("second", Tags(Tags::ADJ.0 | Tags::NUM.0)),
    ("third", Tags(Tags::ADJ.0 | Tags::NUM.0)),
    // numbers
    ("one", Tags::NUM),
    ("two", Tags::NUM),
    ("three", Tags::NUM),
    ("four", Tags::NUM),
    ("five", Tags::NUM),
    ("six", Tags::NUM),
    ("seven", Tags::NUM),
    ("eight", Tags::NUM),
    ("nine", Tags::NUM),
    ("ten", Tags::NUM),
    ("eleven", Tags::NUM),
    ("twelve", Tags::NUM),
    ("twenty", Tags::NUM),
    ("thirty", Tags::NUM),
    ("forty", Tags::NUM),
    ("fifty", Tags::NUM),
    ("hundred", Tags::NUM),
    ("hundreds", Tags::NUM),
    ("thousand", Tags::NUM),
    ("thousands", Tags::NUM),
    ("million", Tags::NUM),
    ("millions", Tags::NUM),
    ("billion", Tags::NUM),
    ("billions", Tags::NUM),
    ("dozen", Tags::NUM),
    ("dozens", Tags::NUM),
    // time words
    ("today", Tags::TIME),
    ("yesterday", Tags::TIME),
    ("tomorrow", Tags::TIME),
    ("tonight", Tags::TIME),
    ("monday", Tags::TIME),
    ("tuesday", Tags::TIME),
    ("wednesday", Tags::TIME),
    ("thursday", Tags::TIME),
    ("friday", Tags::TIME),
    ("saturday", Tags::TIME),
    ("sunday", Tags::TIME),
    ("january", Tags::TIME),
    ("february", Tags::TIME),
    ("march", Tags::TIME),
    ("april", Tags::TIME),
    ("june", Tags::TIME),
    ("july", Tags::TIME),
    ("august", Tags::TIME),
    ("september", Tags::TIME),
    ("october", Tags::TIME),
    ("november", Tags::TIME),
    ("december", Tags::TIME),
    ("week", Tags::TIME),
    ("weekend", Tags::TIME),
    ("month", Tags::TIME),
    ("year", Tags::TIME),
    ("morning", Tags::TIME),
    ("afternoon", Tags::TIME),
    ("evening", Tags::TIME),
    ("night", Tags::TIME),
    ("day", Tags::TIME),
    ("days", Tags::TIME),
    ("weeks", Tags::TIME),
    ("months", Tags::TIME),
    ("years", Tags::TIME),
    // reporting verbs
    ("said", Tags::REPORT),
    ("says", Tags::REPORT),
    ("say", Tags::REPORT),
    ("saying", Tags::REPORT),
    ("told", Tags::REPORT),
    ("tells", Tags::REPORT),
    ("added", Tags::REPORT),
    ("adds", Tags::REPORT),
    ("stated", Tags::REPORT),
    ("noted", Tags::REPORT),
    ("reported", Tags::REPORT),
    ("reports", Tags::REPORT),
    ("announced", Tags::REPORT),
    ("confirmed", Tags::REPORT),
    ("according", Tags::REPORT),
    ("quoted", Tags::REPORT),
    ("explained", Tags::REPORT),
    ("insisted", Tags::REPORT),
    ("claimed", Tags::REPORT),
    ("wrote", Tags::REPORT),
    ("declared", Tags::REPORT),
    // nouns that look like verbs but are not triggers on their own
    ("people", Tags::NOUN),
    ("country", Tags::NOUN),
    ("government", Tags::NOUN),
    ("news", Tags::NOUN),
];

/// Looks words up in the closed-class table; build once and share.
#[derive(Clone, Debug)]
pub struct Lexicon {
    map: FxHashMap<&'static str, Tags>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

impl Lexicon {
    /// Builds the table.
    pub fn new() -> Lexicon {
        let mut map: FxHashMap<&'static str, Tags> = FxHashMap::default();
        for (w, t) in WORDS {
            let e = map.entry(w).or_default();
            *e = e.with(*t);
        }
        Lexicon { map }
    }

    /// Classes of a lower-case word; -ly words count as adverbs.
    #[inline]
    pub fn tags(&self, lower: &str) -> Tags {
        match self.map.get(lower) {
            Some(t) => *t,
            None if lower.len() > 4 && lower.ends_with("ly") && !lower.ends_with("ply") => Tags::ADV,
            None => Tags::NONE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_classes() {
        let l = Lexicon::new();
        assert!(l.tags("the").has(Tags::DET));
        assert!(l.tags("would").has(Tags::MODAL) && l.tags("would").has(Tags::FUTURE));
        assert!(l.tags("sharply").has(Tags::ADV));
        assert!(l.tags("quickly").has(Tags::ADV));
        assert!(!l.tags("apply").has(Tags::ADV));
        assert!(l.tags("n't").has(Tags::NEG));
        assert_eq!(l.tags("kremlin"), Tags::NONE);
        assert!(l.tags("is").is_aux());
    }
}
