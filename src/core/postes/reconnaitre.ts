import { CATALOGUE, type CodePoste, type Poste } from "./catalogue";
import { jetons } from "./normaliser";
import { sectionDuMot } from "./sections";
import { LIBELLES_SECTIONS, type Section } from "./types";

/** What the recognition of one printed label found. */
export interface Reconnaissance {
  /** The catalogue entry, or null when no wording of the catalogue is found in the label. */
  readonly poste: Poste | null;
  /**
   * 0..1: the share of the label's words explained by the poste's wordings (generic words such as
   * « honoraires », « frais » or « remboursés » weigh less), lowered when the poste belongs to another section
   * than the current one or when another poste explains the label as well.
   */
  readonly confiance: number;
  /** Why, in French, for the task pane and the import report. */
  readonly raison: string;
  /** Section of the line: the poste's, else the one named in the label, else the context's. */
  readonly section: Section | null;
  /** Other postes that explain the label exactly as well (the first in catalogue order was chosen). */
  readonly ambigu?: readonly CodePoste[];
}

export interface ContexteReconnaissance {
  /** The current section row (« OPTIQUE »): « Verres simples » under it is the optical category a. */
  readonly section?: Section | null;
  /** The sub-heading row above the label (« Honoraires médicaux » above « Adhérents DPTAM »). */
  readonly intertitre?: string | null;
}

/** Generic words: present in many labels, they explain little (an unexplained one costs little). */
const MOTS_FAIBLES = new Set([
  "honoraire",
  "frais",
  "medical",
  "medecin",
  "acte",
  "soin",
  "prestation",
  "remboursement",
  "rembourse",
  "secu",
  "base",
  "br",
  "brss",
  "tr",
  "forfait",
  "garantie",
  "total",
  "an",
  "annee",
  "beneficiaire",
  "inclus",
  "compris",
  "limite",
  "max",
  "maximum",
  "jour",
  "nuit",
  "conventionne",
  "hors",
  "non",
  "plus",
  "examen",
  "depense",
  "sante",
  "equipement",
  "adulte",
  "enfant",
  "personne",
  "assure",
  "mixte",
  "praticien",
  "professionnel",
  "ville",
  "courant",
  "option",
  "niveau",
  "tous",
  "tout",
  "autre",
  "cas",
  "selon",
  "chez",
  "partir",
  "moin",
  "nomenclature",
  "oreille",
  "seance",
  "ans",
  "dans",
  "sans",
  "limitation",
  "dure",
  "cabinet",
  "supplement",
  "medical",
  "prescription",
  "prescrit",
  "sur",
  "conventionnel",
  "hospitalisation",
  "tarif",
]);

function poids(mot: string): number {
  if (MOTS_FAIBLES.has(mot)) return 0.3;
  // « maîtrisé et libre », « classe B », « non OPTAM »: they qualify what a label names, they do not name it.
  if (QUALIFICATIFS.has(mot)) return 0.5;
  if (/^[0-9]+$/.test(mot)) return 0.3;
  return 1;
}

interface Synonyme {
  readonly poste: Poste;
  readonly rang: number;
  readonly texte: string;
  readonly jetons: readonly string[];
  readonly poids: number;
  /** Valid only under the poste's own section. */
  readonly sectionSeulement: boolean;
}

interface Index {
  readonly parMot: ReadonlyMap<string, readonly Synonyme[]>;
  readonly exclusions: ReadonlyMap<Poste, ReadonlySet<string>>;
}

let index: Index | undefined;

/** Built once, on first use: every synonym normalised, indexed by each of its words. */
function construireIndex(): Index {
  const parMot = new Map<string, Synonyme[]>();
  const exclusions = new Map<Poste, Set<string>>();
  CATALOGUE.forEach((poste, rang) => {
    const ajouter = (texte: string, sectionSeulement: boolean) => {
      const js = jetons(texte);
      if (js.length === 0) return;
      const s: Synonyme = { poste, rang, texte, jetons: js, poids: js.reduce((a, m) => a + poids(m), 0), sectionSeulement };
      for (const m of js) {
        const liste = parMot.get(m);
        if (liste) liste.push(s);
        else parMot.set(m, [s]);
      }
    };
    for (const t of poste.synonymes) ajouter(t, false);
    for (const t of poste.synonymesSection ?? []) ajouter(t, true);
    if (poste.exclusions) exclusions.set(poste, new Set(poste.exclusions.flatMap((e) => jetons(e))));
  });
  return { parMot, exclusions };
}

interface Candidat {
  readonly poste: Poste;
  readonly rang: number;
  readonly couverts: Set<string>;
  meilleur: Synonyme;
  score: number;
}

interface Resultat extends Reconnaissance {
  readonly score: number;
}

const cache = new Map<string, Reconnaissance>();
const CACHE_MAX = 20_000;

/**
 * Recognises the poste of a printed grid label. Robust to case, accents, punctuation, plurals, abbreviations
 * and the usual variants (DPTAM, OPTAM-CO, « hors OPTAM », « non adhérent », « consult. », « spé. », « MG »,
 * « 100 % Santé »…). A label no wording matches gives `poste: null`: the caller keeps and reports it.
 * Memoised by (label, section, sub-heading): real grids repeat their labels.
 */
export function reconnaitrePoste(libelle: string, contexte: ContexteReconnaissance = {}): Reconnaissance {
  const section = contexte.section ?? null;
  const intertitre = contexte.intertitre ?? null;
  const cle = `${section ?? ""}\u0000${intertitre ?? ""}\u0000${libelle}`;
  const hit = cache.get(cle);
  if (hit !== undefined) return hit;
  let r: Resultat = reconnaitreTexte(libelle, section);
  // « Monture » under « Équipements 100 % Santé (classe A) », « Prothèses » under « Actes non remboursés par l'AMO »:
  // the sub-heading qualifies the lines below it. Its qualifiers are tried with the label; they are kept when they
  // make a more precise poste that still explains the whole label.
  const q = intertitre ? qualificatifs(intertitre, libelle) : [];
  if (q.length > 0 && r.poste !== null) {
    const precise = reconnaitreTexte(libelle, section, q);
    // The sub-heading only qualifies: it never moves a line to another section (« Piles et accessoires » under
    // « Équipements libres » stays an audio line, not an optical equipment of the « panier libre »).
    if (
      precise.poste !== null &&
      precise.poste !== r.poste &&
      precise.poste.section === r.poste.section &&
      !(nommeSonPoste(libelle, r.poste) && q.every((m) => m === "rembourse" || m === "nonrembourse")) &&
      precise.score >= r.score - 1e-9
    ) {
      r = { ...precise, raison: `${precise.raison} (précisé par l'intertitre « ${intertitre} »)` };
    }
  }
  if (intertitre && (r.poste === null || r.confiance < 0.5)) {
    // « SÉJOURS EN MÉDECINE, CHIRURGIE… — Honoraires médicaux et chirurgicaux » over « Médecins non DPTAM »: the nearest
    // sub-heading alone may explain the label better than the whole chain; the more confident reading wins.
    const parties = intertitre.split(" — ");
    const tout = reconnaitreTexte(`${intertitre} ${libelle}`, section);
    const proche = parties.length > 1 ? reconnaitreTexte(`${parties[parties.length - 1]} ${libelle}`, section) : undefined;
    const avec = proche !== undefined && proche.poste !== null && (tout.poste === null || proche.confiance > tout.confiance) ? proche : tout;
    // A label that names a poste of its own with some confidence keeps it unless the sub-heading refines it: « Soins
    // de ville » under « Radiographie » is not imaging. A label of qualifiers only (« Non adhérents DPTM : ») or
    // barely recognised takes its act from the sub-heading.
    const affine = (p: Poste, q: Poste) => p === q || p.code.startsWith(`${q.code}.`) || (p.paire !== undefined && p.paire === q.paire) || q.paire === p.code;
    const propre = r.poste !== null && r.confiance >= 0.3 && !jetons(libelle).every((m) => QUALIFICATIFS.has(m) || poids(m) < 1);
    if (avec.poste !== null && (r.poste === null || (avec.confiance > r.confiance && (!propre || affine(avec.poste, r.poste))))) {
      r = { ...avec, raison: `${avec.raison} (avec l'intertitre « ${intertitre} »)` };
    }
  }
  const fige = Object.freeze(sansScore(r));
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(cle, fige);
  return fige;
}

/**
 * The label is one of its poste's own wordings (« Parodontologie »). Under a sub-heading that only says reimbursed or
 * not (« … prothèses remboursées par la sécurité sociale … »), it keeps its poste: that qualifier is about the
 * sub-heading's own care, not a reading of this line.
 */
function nommeSonPoste(libelle: string, poste: Poste): boolean {
  const l = jetons(libelle).join(" ");
  return poste.synonymes.some((x) => jetons(x).join(" ") === l);
}

function sansScore(r: Reconnaissance): Reconnaissance {
  const { poste, confiance, raison, section, ambigu } = r;
  return ambigu ? { poste, confiance, raison, section, ambigu } : { poste, confiance, raison, section };
}

/**
 * Words of a sub-heading that qualify a line rather than name it: 100 % Santé or not, the classes, reimbursed or
 * not, OPTAM or not, the dental baskets. A qualifier the label contradicts (same family) is not taken.
 */
const FAMILLES_QUALIFICATIFS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ["100sante", "classea", "classe1"],
    ["hors100sante", "classeb", "classe2", "libre"],
  ],
  [["rembourse"], ["nonrembourse"]],
  [["optam"], ["nonoptam"]],
  [["maitrise"], ["libre"]],
  // « Verres complexes » under « Équipements classe B »: amounts per equipment, not per lens.
  [["equipement"], []],
];

const QUALIFICATIFS: ReadonlySet<string> = new Set(FAMILLES_QUALIFICATIFS.flatMap(([a, b]) => [...a, ...b]));

/**
 * The text names the other side of a qualifier the sub-heading names (« … classe B » under « Équipements classe A »,
 * « Panier libre » under « Panier maîtrisé »): a row without values that does so opens a new sub-heading.
 */
export function contreditIntertitre(texte: string, intertitre: string | undefined): boolean {
  if (intertitre === undefined || intertitre === "") return false;
  const t = new Set(jetons(texte));
  const i = new Set(jetons(intertitre));
  const nomme = (mots: readonly string[], dans: Set<string>) => mots.some((m) => dans.has(m));
  return FAMILLES_QUALIFICATIFS.some(([a, b]) => (nomme(a, t) && !nomme(b, t) && nomme(b, i)) || (nomme(b, t) && !nomme(a, t) && nomme(a, i)));
}

/**
 * A long sub-heading may name both sides (« combiner des équipements de classe A et classe B … Équipements 100 %
 * Santé classe A »): the side named last, closest to the lines, is the one that qualifies them.
 */
function qualificatifs(intertitre: string, libelle: string): string[] {
  const duLibelle = new Set(jetons(libelle));
  // « Verre simple » in the singular is one lens whatever the heading says.
  if (/\bverre\b(?!s)/i.test(libelle)) duLibelle.add("equipement");
  // « Lentilles remboursées ou non »: the label settles reimbursement itself (the folded words drop « ou non »).
  if (/\brembours\p{L}*\s+ou\s+non\b/iu.test(libelle)) duLibelle.add("rembourse");
  const mots = jetons(intertitre);
  const r: string[] = [];
  // « Prothèses à tarif libre ou maîtrisé »: both baskets outside 100 % Santé, so the lines are « hors 100 % Santé ».
  if (mots.includes("libre") && mots.includes("maitrise") && !duLibelle.has("100sante") && !duLibelle.has("hors100sante")) {
    return ["hors100sante"];
  }
  for (const [a, b] of FAMILLES_QUALIFICATIFS) {
    if ([...a, ...b].some((x) => duLibelle.has(x))) continue;
    let cote: readonly string[] | undefined;
    for (const m of mots) {
      if (a.includes(m)) cote = a;
      else if (b.includes(m)) cote = b;
    }
    if (cote !== undefined) r.push(...mots.filter((m) => cote.includes(m)));
  }
  return r;
}

/**
 * `optionnels`: qualifiers taken from the context (sub-heading): they count for a poste that explains them and
 * are ignored by one that does not, so a qualifier can make a match more precise but never worse.
 */
function reconnaitreTexte(libelle: string, sectionContexte: Section | null, optionnels: readonly string[] = []): Resultat {
  const idx = (index ??= construireIndex());
  const propres = jetons(libelle);
  const mots = optionnels.length === 0 ? propres : [...propres, ...optionnels.filter((m) => !propres.includes(m))];
  const optionnel = new Set(optionnels.filter((m) => !propres.includes(m)));
  if (mots.length === 0) return { poste: null, confiance: 0, raison: "Libellé vide.", section: sectionContexte, score: 0 };

  // A section named in the label itself (« Optique – verres simples ») wins over the current section row.
  let sectionLibelle: Section | null = null;
  for (const m of mots) {
    const s = sectionDuMot(m);
    // « Autres soins prothétiques », « Autres frais »: inside a label, « autres » is a word, not the section.
    if (s !== undefined && s !== "autres") {
      sectionLibelle = s;
      break;
    }
  }
  const section = sectionLibelle ?? sectionContexte;
  const presents = new Set(mots);

  const touches = new Map<Synonyme, number>();
  for (const m of mots) {
    for (const s of idx.parMot.get(m) ?? []) touches.set(s, (touches.get(s) ?? 0) + 1);
  }
  const candidats = new Map<Poste, Candidat>();
  for (const [s, n] of touches) {
    if (n !== s.jetons.length) continue;
    if (s.sectionSeulement && s.poste.section !== section) continue;
    const exclus = idx.exclusions.get(s.poste);
    if (exclus && [...exclus].some((e) => presents.has(e))) continue;
    let c = candidats.get(s.poste);
    if (!c) {
      c = { poste: s.poste, rang: s.rang, couverts: new Set(), meilleur: s, score: 0 };
      candidats.set(s.poste, c);
    }
    for (const m of s.jetons) c.couverts.add(m);
    if (s.poids > c.meilleur.poids) c.meilleur = s;
  }

  // The head of a French label is its first strong word (« Chambre particulière pour les séjours … »): it weighs double,
  // so a poste that explains it wins over one that explains a complement.
  const tete = propres.find((m) => poids(m) >= 1 && sectionDuMot(m) === undefined && !QUALIFICATIFS.has(m));
  const poidsDe = (m: string) => poids(m) * (m === tete ? 2 : 1);
  const total = propres.reduce((a, m) => a + poidsDe(m), 0);
  if (candidats.size === 0) {
    return {
      poste: null,
      confiance: 0,
      raison: `Aucun poste du catalogue ne correspond à « ${abreger(libelle)} ».`,
      section,
      score: 0,
    };
  }
  for (const c of candidats.values()) {
    let couvert = 0;
    let total2 = total;
    for (const m of mots) {
      // A section word counts as explained when it names the poste's own section (« dentaire » in « soins dentaires »);
      // « remboursé(e)s par la Sécurité sociale » when the AMO does reimburse the poste's care.
      const explique =
        c.couverts.has(m) ||
        sectionDuMot(m) === c.poste.section ||
        (c.poste.remboursableRo && (m === "rembourse" || m === "secu")) ||
        (!c.poste.remboursableRo && (m === "nonrembourse" || m === "secu"));
      if (optionnel.has(m)) {
        if (explique) {
          couvert += poidsDe(m);
          total2 += poidsDe(m);
        }
      } else if (explique) couvert += poidsDe(m);
    }
    const horsSection = section !== null && c.poste.section !== section;
    c.score = total2 === 0 ? 0 : (couvert / total2) * (horsSection ? 0.5 : 1);
  }
  const classes = [...candidats.values()].sort((a, b) => b.score - a.score || b.meilleur.poids - a.meilleur.poids || a.rang - b.rang);
  const premier = classes[0]!;
  const egaux = classes.filter((c) => c !== premier && Math.abs(c.score - premier.score) < 1e-9 && Math.abs(c.meilleur.poids - premier.meilleur.poids) < 1e-9);
  const horsSection = section !== null && premier.poste.section !== section;
  // A label every word of which the poste explains is recognised even under another section's row (a grid that
  // prints « Biologie » under HOSPITALISATION still means biology); the section only lowers a partial match.
  let confiance = horsSection ? (premier.score >= 0.5 - 1e-9 ? 0.85 : Math.min(1, premier.score * 1.2)) : premier.score;
  if (egaux.length > 0) confiance *= 0.7;
  confiance = Math.round(confiance * 100) / 100;

  const inexpliques = propres.filter((m) => !premier.couverts.has(m) && sectionDuMot(m) !== premier.poste.section && poids(m) >= 1);
  let raison = `Reconnu par « ${premier.meilleur.texte} »`;
  if (horsSection) raison += ` (poste de la section ${LIBELLES_SECTIONS[premier.poste.section]}, ligne sous ${LIBELLES_SECTIONS[section!]})`;
  if (inexpliques.length > 0) raison += ` ; mots non reconnus : ${inexpliques.join(", ")}`;
  if (egaux.length > 0) raison += ` ; ambigu avec ${egaux.map((c) => c.poste.code).join(", ")}`;
  raison += ".";
  const r: Resultat = {
    poste: premier.poste,
    confiance,
    raison,
    section: premier.poste.section,
    score: premier.score,
    ...(egaux.length > 0 ? { ambigu: egaux.map((c) => c.poste.code) } : {}),
  };
  return r;
}

function abreger(s: string): string {
  const t = s.trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
