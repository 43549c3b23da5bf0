import { plier } from "../texte/plier";
/**
 * Folds a printed grid label into canonical tokens, so that « Consult. spé. non adhérents DPTAM »,
 * « Consultations spécialistes – hors OPTAM » and « CONSULTATION SPECIALISTE NON-OPTAM » all become
 * [consultation, specialiste, nonoptam]. Catalogue synonyms go through the same function once, at load.
 *
 * Steps: lower case without accents → words (letters/digits split) → light plural/feminine stemming →
 * single-word aliases (abbreviations) → stop words removed → multi-word phrases rewritten in a few passes
 * (order matters: « DPTAM » must become « optam » before « non adhérent optam » becomes « nonoptam »).
 */

/** Words kept as they are by the stemmer (their final s is not a plural). */
const SANS_PLURIEL = new Set([
  "hors",
  "tres",
  "plus",
  "sans",
  "frais",
  "mois",
  "dans",
  "sous",
  "pris",
  "fois",
  "cas",
  "dos",
  "bas",
  "ras",
  "os",
  "ans",
  "lens",
  "avis",
  "tous",
  "puis",
  "apres",
  "pres",
  "gros",
  "vers",
  "jus",
  "acces",
  "ss",
  "irm",
  "vsl",
  "atm",
  "adc",
  "ada",
  "adi",
  "ade",
  "ccam",
  "ngap",
  "lpp",
  "plv",
  "hlf",
  "pmss",
  "brss",
  "fpu",
  "odf",
  "parcours",
  "yeux",
]);

const MOTS_VIDES = new Set([
  "le",
  "la",
  "les",
  "l",
  "de",
  "des",
  "du",
  "d",
  "un",
  "une",
  "et",
  "ou",
  "en",
  "au",
  "aux",
  "a",
  "par",
  "pour",
  "sur",
  "avec",
  "y",
  "dont",
  "ce",
  "cet",
  "cette",
  "son",
  "sa",
  "ses",
  "leur",
  "leurs",
  "etc",
  "pct",
  "eur",
  "euro",
  "qu",
  "que",
  "qui",
  "est",
  "sont",
  "ne",
  "pas",
  "se",
  "ni",
  // « médecin(s) » qualifies nothing in a grid label (« honoraires des médecins adhérents », « consultation médecin »).
  "medecin",
]);

/** Single-word aliases: abbreviations and synonyms printed in real grids. A value may hold several words. */
const ALIAS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Doctors' tariff options (R871-2 2°): DPTM = OPTAM / OPTAM-CO; the CAS before 2017-05-06.
    dptam: "optam",
    dptm: "optam",
    optamco: "optam",
    "optam-co": "optam",
    // Doctors
    mg: "generaliste",
    generalistes: "generaliste",
    omnipraticien: "generaliste",
    spe: "specialiste",
    spec: "specialiste",
    specialise: "specialiste",
    pediatre: "specialiste",
    psychiatre: "specialiste",
    gynecologue: "specialiste",
    ophtalmologue: "specialiste",
    ophtalmologiste: "specialiste",
    cardiologue: "specialiste",
    dermatologue: "specialiste",
    consult: "consultation",
    cs: "consultation",
    visite: "consultation",
    hono: "honoraire",
    honor: "honoraire",
    traitant: "generaliste",
    hosp: "hospitalisation",
    prothetique: "prothese",
    myopie: "refractive",
    hypermetropie: "refractive",
    astigmatisme: "refractive",
    presbytie: "refractive",
    medicale: "medical",
    chirurgical: "chirurgie",
    chirurgicale: "chirurgie",
    chirurgien: "chirurgie",
    chir: "chirurgie",
    adc: "chirurgie",
    anesthesiste: "anesthesie",
    anesthesique: "anesthesie",
    anesthesiologie: "anesthesie",
    ada: "anesthesie",
    anesth: "anesthesie",
    radiologie: "imagerie",
    radiologue: "imagerie",
    radio: "imagerie",
    radiographie: "imagerie",
    echographie: "imagerie",
    scanner: "imagerie",
    irm: "imagerie",
    adi: "imagerie",
    ade: "imagerie",
    // Other professions and care
    infirmier: "auxiliaire",
    infirmiere: "auxiliaire",
    kine: "auxiliaire",
    kinesitherapie: "auxiliaire",
    kinesitherapeute: "auxiliaire",
    masseur: "auxiliaire",
    orthophoniste: "auxiliaire",
    orthophonie: "auxiliaire",
    orthoptiste: "auxiliaire",
    orthoptie: "auxiliaire",
    pedicure: "auxiliaire",
    podologue: "auxiliaire",
    paramedical: "auxiliaire",
    paramedicaux: "auxiliaire",
    analyse: "biologie",
    biologique: "biologie",
    laboratoire: "biologie",
    labo: "biologie",
    medicament: "pharmacie",
    pharmaceutique: "pharmacie",
    pharma: "pharmacie",
    pharmacien: "pharmacie",
    homeopathique: "homeopathie",
    ambulance: "transport",
    vsl: "transport",
    taxi: "transport",
    thermalisme: "cure",
    thermale: "cure",
    thermal: "cure",
    orthopedique: "orthopedie",
    appareil: "appareillage",
    // Dental
    dentiste: "dentaire",
    dent: "dentaire",
    stomatologie: "dentaire",
    stomatologiste: "dentaire",
    odf: "orthodontie",
    orthodontique: "orthodontie",
    implantologie: "implant",
    parodontie: "parodontologie",
    parodontal: "parodontologie",
    paro: "parodontologie",
    couronne: "prothese",
    bridge: "prothese",
    // Optics
    lunette: "equipement optique",
    verrre: "verre",
    lasik: "refractive",
    armature: "monture",
    appairage: "adaptation",
    // Audio
    audioprothese: "aideauditive",
    audioprothesiste: "aideauditive",
    auditif: "auditive",
    audiologie: "audio",
    pile: "accessoire",
    batterie: "accessoire",
    // Prevention, soft medicine
    vaccination: "vaccin",
    contraceptif: "contraception",
    contraceptive: "contraception",
    pilule: "contraception",
    osteopathe: "osteopathie",
    osteo: "osteopathie",
    chiropraxie: "chiropractie",
    chiropracteur: "chiropractie",
    etiopathe: "etiopathie",
    acupuncteur: "acupuncture",
    sophrologue: "sophrologie",
    naturopathe: "naturopathie",
    dieteticien: "dietetique",
    dieteticienne: "dietetique",
    nutritionniste: "dietetique",
    dietetic: "dietetique",
    psychomotricien: "psychomotricite",
    perruque: "capillaire",
    hospitalier: "hospitalisation",
    hospi: "hospitalisation",
    hopital: "hospitalisation",
    clinique: "hospitalisation",
    psychiatrique: "psychiatrie",
    psy: "psychiatrie",
    maternite: "maternite",
    accouchement: "maternite",
    naissance: "maternite",
    adoption: "maternite",
    pec: "pris charge",
    remboursable: "rembourse",
    remboursement: "remboursement",
    securite: "secu",
    ss: "secu",
    amo: "secu",
    ro: "secu",
    rss: "secu",
    sociale: "secu",
    social: "secu",
    regime: "secu",
    obligatoire: "secu",
    zero: "0",
    keratotomie: "refractive",
    keratochirurgie: "refractive",
    electroradiologie: "imagerie",
    adherant: "adherent",
    deux: "2",
    jetable: "",
    hypercomplexe: "trescomplexe",
    i: "1",
    ii: "2",
  }),
);

/**
 * Multi-word rewrites, pass by pass. Written on the stemmed, stop-word-free form: « prises en charge »
 * is « prise charge », « très » is « tres ». Within a pass the longest phrase wins.
 */
const PASSES: readonly (readonly (readonly [string, string])[])[] = [
  [
    ["dispositif pratique tarifaire maitrise", "optam"],
    ["pratique tarifaire maitrise", "optam"],
    ["optam co", "optam"],
    ["sec soc", "secu"],
    ["contrat acce soin", "optam"],
    ["adherent cas", "adherent optam"],
    ["signataire cas", "signataire optam"],
    ["hors 100 sante", "hors100sante"],
    ["hors panier 100 sante", "hors100sante"],
    ["autre 100 sante", "hors100sante"],
    ["non 100 sante", "hors100sante"],
    ["panier 100 sante", "100sante"],
    ["100 sante", "100sante"],
    ["rac 0", "100sante"],
    ["reste charge 0", "100sante"],
    ["tres complexe", "trescomplexe"],
    ["simple foyer", "unifocal"],
    ["hyper complexe", "trescomplexe"],
    ["hors reseau", "horsreseau"],
    ["non partenaire", "horsreseau"],
    ["hors partenaire", "horsreseau"],
    ["orthopedie dento faciale", "orthodontie"],
    ["orthopedie dentofaciale", "orthodontie"],
    ["compris psychiatrie", ""],
    ["compris medecine ville", ""],
    ["compris lentille jetable", ""],
    ["compris jetable", ""],
    ["conventionne non conventionne", ""],
    ["inclus psychiatrie", ""],
    ["forfait journalier hospitalisation", "fj"],
    ["forfait journalier", "fj"],
    ["forfait hospitalisation", "fj"],
    ["chambre particuliere", "chambrepart"],
    ["chambre individuelle", "chambrepart"],
    ["chambre seule", "chambrepart"],
    ["chambre part", "chambrepart"],
    ["ch particuliere", "chambrepart"],
    ["ch part", "chambrepart"],
    ["chb particuliere", "chambrepart"],
    ["chbre particuliere", "chambrepart"],
    ["lit accompagnant", "accompagnant"],
    ["lit accompagnement", "accompagnant"],
    ["frais accompagnant", "accompagnant"],
    ["frais accompagnement", "accompagnant"],
    ["frais sejour", "sejour"],
    ["acte lourd", "acteslourds"],
    ["participation forfaitaire 24", "acteslourds"],
    ["participation forfaitaire 18", "acteslourds"],
    ["participation assure 24", "acteslourds"],
    ["forfait 24", "acteslourds"],
    ["forfait 18", "acteslourds"],
    ["pf 24", "acteslourds"],
    ["participation 24", "acteslourds"],
    ["forfait patient urgence", "fpu"],
    ["passage urgence", "fpu"],
    ["participation forfaitaire", "pf"],
    ["franchise medical", "franchise"],
    ["hors parcours soin coordonne", "horsparcours"],
    ["hors parcours soin", "horsparcours"],
    ["hors parcours", "horsparcours"],
    ["parcours soin coordonne", ""],
    ["parcours soin", ""],
    ["chirurgie refractive", "refractive"],
    ["chirurgie correctrice oeil", "refractive"],
    ["chirurgie correctrice", "refractive"],
    ["chirurgie yeux", "refractive"],
    ["chirurgie laser", "refractive"],
    ["chirurgie oeil", "refractive"],
    ["chirurgie oculaire", "refractive"],
    ["chirurgie ophtalmologique", "refractive"],
    ["operation myopie", "refractive"],
    ["traitement laser", "refractive"],
    ["chirurgie dentaire", "soin dentaire"],
    ["soin conservateur", "soin dentaire"],
    ["acte technique medical", "atm"],
    ["acte technique", "atm"],
    ["imagerie medical", "imagerie"],
    ["auxiliaire medical", "auxiliaire"],
    ["grand appareillage", "grandappareillage"],
    ["prothese orthopedie", "grandappareillage"],
    ["prothese externe", "grandappareillage"],
    ["orthoprothese", "grandappareillage"],
    ["materiel medical", "materiel"],
    ["petit appareillage", "materiel"],
    ["dispositif medical", "materiel"],
    ["transport sanitaire", "transport"],
    ["transport medical", "transport"],
    ["cure cure", "cure"],
    ["inlay core", "inlaycore"],
    ["inlay onlay", "inlayonlay"],
    ["implant dentaire", "implant"],
    ["lentille contact", "lentille"],
    ["supplement filtre", "filtre"],
    ["aide auditive", "aideauditive"],
    ["appareillage auditive", "aideauditive"],
    ["appareil auditive", "aideauditive"],
    ["prothese auditive", "aideauditive"],
    ["equipement auditive", "aideauditive"],
    ["sevrage tabagique", "sevrage"],
    ["substitut nicotinique", "sevrage"],
    ["medecine douce", "medecinedouce"],
    ["medecine alternative", "medecinedouce"],
    ["medecine naturelle", "medecinedouce"],
    ["medecine complementaire", "medecinedouce"],
    ["medecine parallele", "medecinedouce"],
    ["pratique non conventionnelle", "medecinedouce"],
    ["therapie alternative", "medecinedouce"],
    ["prothese capillaire", "capillaire"],
    ["vehicule personne situation handicap", "vph"],
    ["vehicule personne handicape", "vph"],
    ["fauteuil roulant", "vph"],
    ["soin courant", "soinscourants"],
    ["soin ville", "soinscourants"],
    ["bien etre", "bienetre"],
    ["smr important modere", ""],
    ["65 30 15", ""],
    ["15 30 65", ""],
    ["65 30", ""],
    ["30 65", ""],
    ["praticien non conventionne", "nonoptam"],
    ["medecin non conventionne", "nonoptam"],
    ["honoraire non conventionne", "honoraire nonoptam"],
    ["secteur non conventionne", "nonoptam"],
    ["smr important", "65"],
    ["smr majeur", "65"],
    ["smr modere", "30"],
    ["smr faible", "15"],
    ["service medical rendu important", "65"],
    ["service medical rendu modere", "30"],
    ["service medical rendu faible", "15"],
    ["prothese non dentaire", "grandappareillage"],
    // « Prothèses remboursées autres que dentaires et auditives »: the orthopaedic ones.
    ["autre dentaire auditive", "grandappareillage"],
    ["autre dentaire", "grandappareillage"],
    ["medecine courant", "soinscourants"],
    ["medecine courante", "soinscourants"],
    ["pratique medical courante", "soinscourants"],
    ["pratique medical courant", "soinscourants"],
    ["hors dentaire auditive", ""],
    ["hors dentaire", ""],
    ["hors auditive", ""],
    ["hors optique", ""],
    // « Forfait journalier (hors psychiatrie) » is the general forfait: the excluded word must not select the psychiatric one.
    ["hors psychiatrie", ""],
    ["sauf psychiatrie", ""],
    ["hors psychiatrique", ""],
    ["vignette blanche", "65"],
    ["vignette bleue", "30"],
    ["vignette orange", "15"],
  ],
  [
    ["non adherent optam", "nonoptam"],
    ["non signataire optam", "nonoptam"],
    ["non conventionne optam", "nonoptam"],
    ["non optam", "nonoptam"],
    ["hors optam", "nonoptam"],
    ["hors cadre optam", "nonoptam"],
    ["sans optam", "nonoptam"],
    ["non adherent", "nonoptam"],
    ["non signataire", "nonoptam"],
    ["non rembourse", "nonrembourse"],
    ["non pris charge", "nonrembourse"],
    ["non prise charge", "nonrembourse"],
    ["sans prise charge", "nonrembourse"],
    ["non accepte", "nonrembourse"],
    ["hors nomenclature", "nonrembourse"],
    ["non couvert", "nonrembourse"],
    ["refuse", "nonrembourse"],
  ],
  [
    ["adherent optam", "optam"],
    ["signataire optam", "optam"],
    ["adherent", "optam"],
    ["signataire", "optam"],
    ["secteur 1", "optam"],
    ["secteur 2", ""],
    ["pris charge", "rembourse"],
    ["prise charge", "rembourse"],
    ["accepte", "rembourse"],
  ],
  [
    // « acceptées et refusées », « remboursées ou non remboursées », « prises en charge ou non »: both.
    ["rembourse nonrembourse", ""],
    ["nonrembourse rembourse", ""],
    ["rembourse non", ""],
  ],
];

const CLASSES: ReadonlyMap<string, string> = new Map([
  ["a", "classea"],
  ["b", "classeb"],
  ["1", "classe1"],
  ["i", "classe1"],
  ["2", "classe2"],
  ["ii", "classe2"],
]);

interface Passe {
  readonly regex: RegExp;
  readonly remplacement: ReadonlyMap<string, string>;
}

function compilerPasse(regles: readonly (readonly [string, string])[]): Passe {
  const remplacement = new Map<string, string>();
  for (const [de, vers] of regles) remplacement.set(de, vers);
  const alternatives = [...remplacement.keys()].sort((a, b) => b.length - a.length).map(echapper);
  // A phrase matches whole words: preceded by the start or a space (consumed), followed by a space or the end.
  return { regex: new RegExp(`(^| )(${alternatives.join("|")})(?= |$)`, "g"), remplacement };
}

function echapper(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PASSES_COMPILEES: readonly Passe[] = PASSES.map(compilerPasse);

/**
 * What a label says the line is NOT, or also covers, does not name its poste: « Matériel médical (hors prothèse auditive
 * et accessoire optique) », « Chambre particulière - hors hospitalisation ambulatoire - y compris maternité »,
 * « avec ou sans nuitée (= ambulatoire) ». « hors OPTAM », « hors réseau », « hors 100 % Santé », « hors parcours »
 * and « hors nomenclature » are qualifiers and stay.
 */
const QUALIFIANTS_HORS =
  /^\s*(?:l'|le |la |les |du |des )?(?:optam|dptam|dptm|cas\b|contrat|r[ée]seau|100|panier|parcours|nomenclature|secteur|convention|dispositif|cadre|pratique|zone)/i;

function sansExclusions(libelle: string): string {
  if (!/\b(hors|y compris|avec ou sans|ne relevant pas|autres?\s+que|sauf|exemples?|ex)\b|\(=/i.test(libelle)) return libelle;
  return (
    libelle
      // « Petit appareillage - exemples : orthopédie, prothèses mammaires, prothèse capillaire »: examples, not the line.
      .replace(/\s*[-–—]?\s*\(?\s*(?:par\s+)?(?:exemples?|ex\.)\s*:[^()]*\)?/gi, " ")
      // « Orthopédie et prothèse (autre que dentaire et auditive) », « (sauf optique) »: what the line is not.
      .replace(/\(\s*(?:autres?\s+que|sauf)\b[^()]*\)/gi, " ")
      .replace(/\(\s*(hors|y compris)\b([^()]*)\)/gi, (m, mot: string, reste: string) =>
        mot.toLowerCase() === "hors" && QUALIFIANTS_HORS.test(reste) ? m : " ",
      )
      .replace(/(^|[-–—,;:]\s*)(hors|y compris)\b([^-–—,;:()]*)/gi, (m, avant: string, mot: string, reste: string) =>
        mot.toLowerCase() === "hors" && QUALIFIANTS_HORS.test(reste) ? m : avant === "" ? " " : " ",
      )
      // « Aide auditive classe II … y compris entretien et accessoires »: what the line also covers, wherever it stands.
      .replace(/\by compris\b[^-–—,;:()]*/gi, " ")
      .replace(/\bavec ou sans nuit[ée]e\b/gi, " ")
      .replace(/\bne relevant pas (?:au|du) (?:dispositif |panier )?100\s*%\s*sant[ée]/gi, " hors 100 % santé ")
      .replace(/\(\s*=[^()]*\)/g, " ")
  );
}

/** Plural and feminine endings: « consultations » → consultation, « médicaux » → medical, « remboursée » → rembourse. */
export function raciner(mot: string): string {
  if (mot.length <= 3 || SANS_PLURIEL.has(mot) || /^[0-9]+$/.test(mot)) return mot;
  let m = mot;
  if (m.endsWith("aux") && m.length > 5) return m.slice(0, -3) + "al";
  if ((m.endsWith("s") || m.endsWith("x")) && !m.endsWith("ss") && !m.endsWith("us") && !m.endsWith("is")) m = m.slice(0, -1);
  if (m.endsWith("ee")) m = m.slice(0, -1);
  return m;
}

/** The canonical tokens of a label, in order, without duplicates. */
export function jetons(libelle: string): string[] {
  const mots: string[] = [];
  // « Panier à honoraires maîtrisés »: the accented « à » is a preposition, not the optical class A (lost by folding).
  // « CAS » in capitals is the contrat d'accès aux soins (the OPTAM of 2013–2016); folded, it would be « en cas de ».
  const brut = sansExclusions(libelle)
    .replace(/\b(panier|classe)\s+à\s/gi, "$1 ")
    // « Médecin n'adhérant pas à l'OPTAM », « n'étant pas signataire »: the negation folding would lose.
    .replace(/\bn['’]\s*(?:[ée]tant\s+pas\s+)?(adh[ée]r[ae]nt|signataire)s?\s+pas\b/gi, " non $1 ")
    .replace(/\bn['’]\s*(?:adh[èe]re|est)\s+pas\b/gi, " non adhérent ")
    // « (CAS/ hors CAS) », « OPTAM / non OPTAM »: a line for both sectors names neither.
    .replace(/\b(CAS|OPTAM|DPTAM|DPTM)\s*\/\s*(?:hors|non)[\s-]*\1\b/gi, " ")
    .replace(/\b(?:hors|non)[\s-]+CAS\b/g, " non optam ")
    .replace(/\bCAS\b/g, " optam ");
  const bruts = plier(brut).split(" ");
  for (let i = 0; i < bruts.length; i++) {
    const brut = bruts[i]!;
    if (brut === "") continue;
    // « classe A », « catégorie c », « panier B »: the letter would be lost as a stop word (« a »), so it is glued first.
    const suivant = bruts[i + 1];
    if (suivant !== undefined && (brut === "classe" || brut === "panier" || brut === "categorie" || brut === "cat")) {
      // « panier A / B » is how some optical grids name the classes.
      const marque =
        brut === "classe"
          ? CLASSES.get(suivant)
          : brut === "panier"
            ? suivant === "a" || suivant === "b"
              ? CLASSES.get(suivant)
              : undefined
            : /^[a-f]$/.test(suivant)
              ? "categorie" + suivant
              : undefined;
      if (marque !== undefined) {
        mots.push(marque);
        i++;
        continue;
      }
    }
    const r = raciner(brut);
    const alias = ALIAS.get(brut) ?? ALIAS.get(r);
    const remplaces = alias !== undefined ? alias.split(" ") : [r];
    // Single letters left now are initials (« C/V », « r. ») or noise: only digits keep a meaning.
    for (const m of remplaces) if (m !== "" && !MOTS_VIDES.has(m) && !/^[a-z]$/.test(m)) mots.push(m);
  }
  let texte = mots.join(" ");
  for (const passe of PASSES_COMPILEES) {
    texte = texte.replace(passe.regex, (_tout, debut: string, phrase: string) => debut + (passe.remplacement.get(phrase) ?? phrase));
  }
  const vus = new Set<string>();
  const resultat: string[] = [];
  const parties = texte.split(" ");
  // « non OPTAM / OPTAM-CO »: the second name is part of the negated option, not an OPTAM line.
  if (parties.includes("nonoptam")) vus.add("optam");
  for (const m of parties) {
    if (m === "" || vus.has(m)) continue;
    vus.add(m);
    resultat.push(m);
  }
  return resultat;
}
