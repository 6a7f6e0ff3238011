// The words Baken suggests for a passphrase ("Tip: neem vier willekeurige
// woorden, bijvoorbeeld …"). A CLB worker sets a passphrase up, perhaps with a
// young person looking on, so the suggestion must never show a sexual, violent,
// self-harm, crime, abuse, body, drug or insulting word, nor a name.
//
// zxcvbn-ts's Dutch word list is ranked from film subtitles: its frequent words
// include many such words. So the list is curated here, at build time, and
// shipped inside the passphrase dictionary asset (scripts/passphrase-dictionary.ts):
// - candidates: nl-BE common words ranked 1,000 to 8,000 (easy to type and
//   remember, but each worth >= ~1,000 guesses), 4 to 9 letters a to z;
// - minus every English common word and every English, Dutch or Belgian first
//   name in zxcvbn-ts's lists (a Dutch word that is also English or a name reads
//   oddly, and the attacker's English list prices it lower);
// - minus any word containing one of the stems below (stems, so inflections and
//   compounds are caught: "moord" also drops "vermoorde" and "zelfmoord"), and the
//   exact words below (too short or ambiguous to use as a stem).
// A few harmless words fall with a stem ("kussen", "kust"); that is the price of
// being thorough. The unit test (schema/passphrase-policy.test.ts) checks the
// shipped list against these rules and that suggestions still pass the policy.
import { dictionary as en } from '@zxcvbn-ts/language-en';
import { dictionary as nlBe } from '@zxcvbn-ts/language-nl-be';

/** The words in a space- or newline-separated list. */
function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

/** Candidate ranks in the nl-BE common word list (ordered by frequency). */
export const suggestionRanks = { from: 1000, to: 8000 } as const;

/** The shape a suggestion word must have. */
export const suggestionShape = /^[a-z]{4,9}$/;

/** A word is left out when it contains any of these. */
export const suggestionBlockStems: readonly string[] = [
  // sexual, intimate
  ...words(`
    seks sex neuk naai porno hoer bordeel pooier condoom sperma zaad tiet borst billen kont naakt bloot
    blote geil slipje ondergoed lesbi hetero homo flirt verleid minnaar minnares zoen kus vrijen versier
    intiem erot zwanger abortus bevall poes pik lul eikel slet teef wijf geslacht orgasme prostit strip
    stijf stijve zuig slik likken likt spuit penis vagina kruis aanraak aanrak betast knuffel lekker
    lieveling liefje liefste liefs schat geliefd verliefd verloofd verloving bruid date daten pyjama
    bedtijd douche badkamer bedden slaapkamer kleden kleed uitkle hemd jurk bikini zwem pijp wip gluur
    webcam foto film camera beeld plaatje video opname verkracht maagd opwind genot passie romant
    verlangen mannelijk knappe vriendje lakens toilet verspreid
  `),
  // violence, weapons, war, death
  ...words(`
    moord dood dode doden dodelijk doodt sterf sterv stierf gestorven overled overleed lijkzak begraaf
    begrav graf kerkhof kist rouw weduw schiet schoot schot schut kogel geweer geweren pistol pistool
    wapen munitie kaliber granaat bomm explo ontplof opblaz aanslag aanval gevecht vecht vocht strijd
    oorlog slagveld soldaat soldaten leger troep peloton bloed wond letsel geslagen sloeg slaat klap
    schop trap stoot duw wurg stik verdrink marteling gemarteld marteld dolk zwaard speer pijl bijl
    knuppel geweld wreed wrede wraak wreek wreken haat haten vijand doelwit gijzel ontvoer kidnap
    gewapend kanon raket tank jacht jaag jagen jager prooi valstrik verbrand brand vlam executie ophang
    opknoop snij sneed gesneden steek gestoken steken mes pijn gewurgd vernietig verwoest ramp ongeval
    ongeluk crash slachting bloedbad martel losgeld invasie militair marinier krijger rebel omgekomen
    overleef overlev gevuurd vizier nucleair vernield fataal agressief demon duivel heks vampier
    weerwolf monster zombie hellen
  `),
  // self-harm, despair, health
  ...words(`
    zelfmoord overdosis dosis gif giftig vergif depress wanhoop wanhopig eenzaam eenzame verdriet ellend
    huil tranen traan zielig hulpeloos kwetsbaar paniek bang angst griezel kanker ziek infectie besmet
    kliniek operatie opereren chirurg autopsie injectie infuus morfine therap psych beroerte koorts
    misselijk kots verlamd rolstoel blind doof gehandicapt dement gestoord geschift litteken lijden
    lijdt medic marihuana vrees vrezen wenen obsessie vlees krankzinnig waanzin symptom apotheek pillen
    bloeddruk hartslag zuurstof
  `),
  // crime, justice
  ...words(`
    misdaad misdad misdaan misdrijf dader slachtoffer crimin delict gevangen cellen tralies politie
    agent arrest smeris recherche aanklacht aanklag aangifte advoca rechtbank rechter vonnis straf
    hechtenis borgtocht verhoor getuig bewijs dief diev stelen steel gestolen gejat beroof berov inbraak
    inbreken inbreker indringer overval fraude oplicht bedrieg bedrog bedrogen verraad verrad corrupt
    smokkel kartel bende maffia verdacht verdenk illegaal illegale justitie pleeg plegen gepleegd
    schuldig onschuld bekennen bekent chantage afpers dreig dwing dwong gedwongen ontsnap vlucht opsluit
    opgesloten kooi binden gebonden geboeid boeien vermist ontslag ontsla
  `),
  // abuse, shame, bullying
  ...words(`
    misbruik groom geheim stiekem pest gepest kwets vernederd verneder schaam schaamte beschaamd schande
    schandaal walg vies vieze smerig vuil slaaf slaven tehuis weeshuis voogdij cadeau geschenk snoep
    tiener jongetje meisje hack lokken misleid zwijg verstop verberg verborg ongepast dakloze zwerver
    kindje joch jongedame jongeman wiens
  `),
  // drugs, alcohol, gambling
  ...words(`
    drug cocaine coke heroine wiet joint dealer verslaaf dronk bier wodka wijn alcohol sigaret sigaar
    rook roken gerookt naald kater borrel kroeg gokken casino drank cafe
  `),
  // insults, swearing
  ...words(`
    klote kloot kolere klere tering tyfus godver verdom verdorie verrek stront schijt zeik piss poep
    reet sukkel trut kreng klojo hufter rotzak rotzooi schoft smeerlap flikker mietje watje nikker neger
    idioot idiote idioten imbeciel debiel achterlijk mongool domme dwaas gekke gekken engerd lafaard
    uitschot tuig schurk boef boev bastaard verkloot verknald loser verliezer lelijk dikke mager zwijn
    varken ratten gelul gezeik verpest flauwekul mafkees leugen lieg gelogen beled belazerd vloek mammie
    datje heli komaan stoms gozer kerel knul rotte verrot
  `),
  // religion, ethnicity, nationality, countries (groups of people, proper nouns)
  ...words(`
    god bijbel christus jezus priester paus dominee pastoor kardinaal bisschop katholiek klooster kerk
    gebed bidden zonde joden jood moslim islam indiaan blanke zwarten ras afrika amerika engeland engels
    frankrijk frans duits rusland russ chine japan italia spaans spanje brit iers ierland schotland
    egypte irak griek polen zweden moskou parijs berlijn romein europe mexic
  `),
];

/** Left out as whole words only (as stems they would catch too much). */
export const suggestionBlockWords: ReadonlySet<string> = new Set(
  words(`
    lijk lijken lijf buik huid zweet zweten lichaam lichamen heup lippen tong dijen schedel botten
    organen nier nieren hersenen hersens ribben tanden tenen hel bom beha buit eng enge bed boze kwaad
    kwade woede woedend woest razend gillen schreeuw schreeuwt dom gek zak zakken stom dik lelijke kapot
    kapotte gewelddadig dwerg ezel rat worm wormen lafaard verdoofd bezeten seconde dier beest beesten
    nood noodgeval slager slaan sla slaag slaagt zuiveren kaal zielen ziel geesten heilig heilige zegen
    zegene gezegend hemeltje engel engelen zwakke zwakte zwak ober pappie pappa paps vrouwtje vrouwtjes
    ventje meid mevr juffrouw minnaar hoeren neef neefje nichtje zusje broertje doei wauw oeps jeetje
    hoera okee ofzo dvdrip hazzard hogg neill rosco brien lemand ledereen raap rukken trekker kont
  `),
);

/** Whether a candidate word is kept off the suggestion list by the block rules. */
export function isBlockedSuggestion(word: string): boolean {
  return suggestionBlockWords.has(word) || suggestionBlockStems.some((stem) => word.includes(stem));
}

/** English common words and every first name in zxcvbn-ts's lists. */
export function namesAndEnglish(): Set<string> {
  return new Set([...en.commonWords, ...en.firstnames, ...nlBe.boysFirstnames, ...nlBe.girlsFirstnames]);
}

/** The curated suggestion words, in the nl-BE list's order. */
export function buildSuggestionWords(): string[] {
  const excluded = namesAndEnglish();
  return nlBe.commonWords
    .slice(suggestionRanks.from, suggestionRanks.to)
    .filter((w) => suggestionShape.test(w) && !excluded.has(w) && !isBlockedSuggestion(w));
}
