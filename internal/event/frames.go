package event

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// A trigger class says how a trigger's words bear on the event's status.
type class uint8

const (
	// classAct: a verb of doing (send, shell, visit); tense and modals
	// decide whether it happened, is promised or is planned.
	classAct class = iota
	// classPledge: a verb of promising (pledge, promise, commit); the event
	// is pledged whatever the tense.
	classPledge
	// classAuthorize: allowing a third party to act (permit, allow, clear
	// the way); for aid the allowed party is the donor.
	classAuthorize
	// classNoun: a noun naming the event (aid, package, airstrike,
	// refugees); it fires only with the arguments its frame requires.
	classNoun
	// classContinue: a verb that continues the previous event of its type
	// (include, comprise): "the package includes 20 drones".
	classContinue
	// classClaim: a verb of claiming that accuses only when what is
	// claimed is a hostile act of another party: "Lukashenko claimed
	// Ukraine tried to strike Belarus".
	classClaim
	// classCharge: words that charge whoever they are said of ("war
	// criminal", "deliberately", "weaponise"): the speaker accuses the
	// party they are said of.
	classCharge
	// classModal: a modal of obligation said of another party: "Kuleba
	// said G7 countries should impose sanctions" is his demand of them.
	classModal
	// classReceive: a verb whose subject is the recipient and whose donor
	// follows "from": "Ukraine received drones from Turkey".
	classReceive
	// classSuffer: a phrase whose subject undergoes the event, as the
	// subject of a passive does: "Kharkiv came under heavy shelling".
	classSuffer
	// classHost: a verb whose subject hosts and whose object is the
	// visitor: "Putin welcomed Erdoğan to Sochi".
	classHost
)

// trigger is one declared trigger phrase of a frame.
type trigger struct {
	phrase  string // lower-case words, space-separated; a final * matches any ending
	class   class
	outcome string // casualties: killed or wounded
	// pos, when set, is the part of speech (VERB or NOUN) the phrase's
	// head must have where the sentence is parsed.
	pos string
}

// frame declares one event type: its triggers, what it needs to fire, and
// which arguments it takes. Every rule that decides an event's type lives
// here, so that --explain can name the declaration that fired and a reader
// can see at a glance what sitrep looks for.
type frame struct {
	typ      model.EventType
	triggers []trigger
	// needs says what a nominal trigger requires in its clause before it
	// fires: "item", "figure" (a count or money), "actor" or "" for nothing.
	needs string
	// targetPreps are the prepositions that introduce the target after the
	// trigger ("to Ukraine", "on Kyiv").
	targetPreps []string
	// objectTarget: an entity right after a verbal trigger is its target
	// ("shelled Kharkiv", "visited Poland", "accused Moscow").
	objectTarget bool
	// dyad: with no target in the text, the other side of the conflict
	// dyad is the target (talks, attacks between the warring parties).
	dyad bool
	// counts: the frame takes a count of people (casualties, displacement,
	// mobilisation) rather than item quantities.
	counts bool
	// ofPatient: the "of" phrase of the frame's event nouns is what the
	// event was done to ("the shelling of Kharkiv", "the siege of
	// Mariupol"), as "of" after a verb's noun is its object.
	ofPatient bool
	// passivePatient: the subject of the frame's passive verbs is the
	// target, not the actor ("Kyiv was shelled", "Moscow was accused").
	passivePatient bool
	// reducedPassive: the frame's verbs are transitive enough that "X hit
	// by Y" is a passive; "travelled by train" is not.
	reducedPassive bool
	// speech: the event is a speech act (a threat, a demand, an
	// accusation, a denial, a statement), whose speaker is its actor.
	speech bool
	// speakerActs: whoever reports the event is often its actor: a
	// leader who "told reporters on a trip to Warsaw", a ministry that
	// "announced it would send".
	speakerActs bool
	// asBody: a group named after an organisation acts as that body: a
	// meeting with the G7 leaders is with the G7.
	asBody bool
}

// frames is the declaration of every event type sitrep extracts, read
// from data/frames.tsv and data/triggers.tsv (see data/README.md).
var frames = mustFrames()

// The sets of types with a trait, for the rules that ask of a type rather
// than of a frame at hand.
var (
	patientFrames  = typesWith(func(f *frame) bool { return f.passivePatient })
	reducedPassive = typesWith(func(f *frame) bool { return f.reducedPassive })
	speech         = typesWith(func(f *frame) bool { return f.speech })
	speakerActs    = typesWith(func(f *frame) bool { return f.speakerActs })
	asBody         = typesWith(func(f *frame) bool { return f.asBody })
)

func typesWith(has func(*frame) bool) map[model.EventType]bool {
	out := map[model.EventType]bool{}
	for i := range frames {
		if has(&frames[i]) {
			out[frames[i].typ] = true
		}
	}
	return out
}

// classNames are the trigger classes as triggers.tsv names them.
var classNames = map[string]class{
	"act": classAct, "pledge": classPledge, "authorize": classAuthorize, "noun": classNoun, "continue": classContinue,
	"claim": classClaim, "charge": classCharge, "modal": classModal, "receive": classReceive,
	"suffer": classSuffer, "host": classHost,
}

// mustFrames reads the frame declarations; the data is embedded, so an
// error is a build error, caught by the tests.
func mustFrames() []frame {
	fs, err := loadFrames()
	if err != nil {
		panic(fmt.Sprintf("event: embedded frame data: %v", err))
	}
	return fs
}

func loadFrames() ([]frame, error) {
	var fs []frame
	index := map[model.EventType]int{}
	err := readTSV("data/frames.tsv", []string{"type", "needs", "target_preps", "traits"}, func(line int, f []string) error {
		info, ok := model.LookupType(f[0])
		if !ok {
			return fmt.Errorf("unknown event type %q", f[0])
		}
		if _, dup := index[info.Type]; dup {
			return fmt.Errorf("type %q declared twice", f[0])
		}
		fr := frame{typ: info.Type, needs: dash(f[1])}
		if p := dash(f[2]); p != "" {
			fr.targetPreps = strings.Split(p, ",")
		}
		if t := dash(f[3]); t != "" {
			for _, trait := range strings.Split(t, ",") {
				flag, ok := map[string]*bool{
					"object-target": &fr.objectTarget, "dyad": &fr.dyad, "counts": &fr.counts, "of-patient": &fr.ofPatient,
					"passive-patient": &fr.passivePatient, "reduced-passive": &fr.reducedPassive, "speech": &fr.speech,
					"speaker-acts": &fr.speakerActs, "as-body": &fr.asBody,
				}[trait]
				if !ok {
					return fmt.Errorf("unknown trait %q", trait)
				}
				*flag = true
			}
		}
		index[info.Type] = len(fs)
		fs = append(fs, fr)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("data/triggers.tsv", []string{"type", "class", "phrase", "outcome", "pos"}, func(line int, f []string) error {
		i, ok := index[model.EventType(f[0])]
		if !ok {
			return fmt.Errorf("type %q has no row in frames.tsv", f[0])
		}
		c, ok := classNames[f[1]]
		if !ok {
			return fmt.Errorf("unknown trigger class %q", f[1])
		}
		if _, err := cuePhrase(strings.TrimSuffix(f[2], "*")); err != nil {
			return err
		}
		o := dash(f[3])
		if o != "" && o != "killed" && o != "wounded" {
			return fmt.Errorf("outcome %q is not killed, wounded or -", o)
		}
		pos := dash(f[4])
		if pos != "" && pos != "VERB" && pos != "NOUN" {
			return fmt.Errorf("part of speech %q is not VERB, NOUN or -", pos)
		}
		fs[i].triggers = append(fs[i].triggers, trigger{phrase: f[2], class: c, outcome: o, pos: pos})
		return nil
	})
	return fs, err
}

// dash reads a data column where "-" stands for nothing.
func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}
