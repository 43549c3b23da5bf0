import { argumentInvalide } from "../../core/errors";
import { Dec, tauxDepuisTexte, type Taux } from "../../core/money";
import { AGE_MAX } from "../../core/calculators/entrees";
import { classeAudioDepuisTexte } from "../../core/calculators/audio";
import type { DemandeLimite, PorteurAudio, PosteResponsable } from "../../core/responsable/limites/limites-responsables";
import { plier, replier } from "../../core/texte/plier";
import { lireCategorie } from "../lecteurs";
import { decrireValeur, estVide, type ValeurCellule } from "../excel";
import { nombreDepuisTexte } from "../nombre-fr";

/**
 * REMB.PLAFOND / REMB.PLANCHER's Excel arguments → the core's typed request. `poste` is one of the limits' own
 * names (« non-OPTAM », « ticket modérateur », « ANI optique »… name legal limits, not grid lines: the grid postes
 * catalogue has no entry for most of them, and its recogniser would add about 13 Kio gzip to functions.js, which
 * loads PLAFOND synchronously). `categorie` means what the poste needs (optical category, audio class, wearer's
 * age, OPTAM level, psychiatry) and is refused where the poste does not use it, rather than ignored.
 */

/** The limits' names as users type them: « audio classe I » asks for the classe I floor with its wearer. */
type CodeLimite = PosteResponsable | "audio-classe-1";

interface NomLimite {
  readonly code: CodeLimite;
  /** How the message listing the postes writes it (short: the whole list fits in Excel's 255 characters). */
  readonly nom: string;
  /** Written as users type them; compared folded (plier: no case, accents, punctuation). */
  readonly synonymes: readonly string[];
}

const NOMS: readonly NomLimite[] = [
  {
    code: "optique",
    nom: "optique",
    synonymes: [
      "lunettes",
      "équipement optique",
      "équipement",
      "optique classe B",
      "classe B",
      "équipement classe B",
      "verres et monture",
      "verres",
      "optique équipement",
    ],
  },
  { code: "monture", nom: "monture", synonymes: ["montures", "monture classe B", "optique monture"] },
  {
    code: "audio",
    nom: "audio",
    synonymes: [
      "aide auditive",
      "aides auditives",
      "audioprothèse",
      "audioprothèses",
      "appareil auditif",
      "appareils auditifs",
      "audio classe II",
      "audio classe 2",
      "aide auditive classe II",
      "aides auditives classe II",
      "classe II",
    ],
  },
  {
    code: "audio-classe-1",
    nom: "audio classe I",
    synonymes: [
      "audio classe 1",
      "aide auditive classe I",
      "aides auditives classe I",
      "classe I",
      "audio 100 % Santé",
      "aide auditive 100 % Santé",
      "aides auditives 100 % Santé",
    ],
  },
  {
    code: "non-optam",
    nom: "non-OPTAM",
    synonymes: [
      "non-OPTAM-CO",
      "non DPTM",
      "hors OPTAM",
      "hors DPTM",
      "non adhérent",
      "non adhérent OPTAM",
      "non adhérent DPTM",
      "dépassement non-OPTAM",
      "dépassements non-OPTAM",
      "médecin non-OPTAM",
      "médecins non-OPTAM",
      "secteur 2 non-OPTAM",
      "non CAS",
    ],
  },
  {
    code: "optam",
    nom: "OPTAM",
    synonymes: ["OPTAM-CO", "DPTM", "adhérent OPTAM", "adhérent DPTM", "dépassement OPTAM", "dépassements OPTAM", "médecin OPTAM", "médecins OPTAM"],
  },
  { code: "ticket-moderateur", nom: "ticket modérateur", synonymes: ["TM", "soins", "soins courants"] },
  { code: "forfait-journalier", nom: "forfait journalier", synonymes: ["forfait journalier hospitalier", "forfait hospitalier", "FJ"] },
  {
    code: "ani-optique",
    nom: "ANI optique",
    synonymes: [
      "optique ANI",
      "D911-1 optique",
      "optique D911-1",
      "optique collectif",
      "optique collective",
      "collectif optique",
      "optique contrat collectif",
      "optique collectif obligatoire",
    ],
  },
  {
    code: "ani-dentaire",
    nom: "ANI dentaire",
    synonymes: [
      "dentaire ANI",
      "D911-1 dentaire",
      "dentaire D911-1",
      "dentaire collectif",
      "collectif dentaire",
      "ANI prothèse",
      "ANI prothèses",
      "ANI prothèse dentaire",
      "ANI prothèses dentaires",
      "dentaire collectif obligatoire",
    ],
  },
];

let parTexte: ReadonlyMap<string, NomLimite> | undefined;

function index(): ReadonlyMap<string, NomLimite> {
  parTexte ??= new Map(NOMS.flatMap((n) => [n.code, n.nom, ...n.synonymes].map((s) => [plier(s), n] as const)));
  return parTexte;
}

/** poste: « Optique », « aides auditives », « non-OPTAM », « forfait journalier », « ANI optique »… */
export function lirePosteLimite(v: ValeurCellule, nom: string): NomLimite {
  const n = typeof v === "string" ? index().get(plier(v)) : undefined;
  if (n !== undefined) return n;
  const vu = estVide(v) ? "valeur manquante" : `Poste inconnu : ${decrireValeur(v)}`;
  throw argumentInvalide(`${nom} : ${vu} — postes connus : ${NOMS.map((x) => x.nom).join(", ")}.`);
}

type Fonction = "plafond" | "plancher";

/**
 * The request for one call: what `categorie` means depends on the poste and on the function. Where the poste has no
 * limit of that kind, the categorie is not read: the core's answer (« pas de plafond pour… ») is what helps.
 */
export function demandeLimite(f: Fonction, poste: NomLimite, categorie: ValeurCellule, nomCategorie: string): DemandeLimite {
  const sans = () => sansCategorie(f, poste, categorie, nomCategorie);
  switch (poste.code) {
    case "optique":
    case "ani-optique":
      return { poste: poste.code, categorie: lireCategorie(categorie, nomCategorie) };
    case "monture":
      return f === "plafond" ? sans() : { poste: "monture" };
    case "audio":
      return { poste: "audio", classe: estVide(categorie) ? "II" : classeAudio(categorie, nomCategorie) };
    case "audio-classe-1":
      return f === "plancher" ? { poste: "audio", classe: "I", porteur: porteurAudio(categorie, nomCategorie) } : { poste: "audio", classe: "I" };
    case "non-optam":
      return f === "plafond" ? { poste: "non-optam", niveauOptam: niveauOptam(categorie, nomCategorie) } : sans();
    case "optam":
    case "ticket-moderateur":
    case "ani-dentaire":
      return f === "plancher" ? sans() : { poste: poste.code };
    case "forfait-journalier":
      return f === "plancher" ? { poste: "forfait-journalier", psychiatrie: psychiatrie(categorie, nomCategorie) } : { poste: "forfait-journalier" };
  }
}

/** A poste whose limit depends on nothing else: a categorie given is a slip (a shifted column?), said rather than ignored. */
function sansCategorie(f: Fonction, poste: NomLimite, categorie: ValeurCellule, nom: string): DemandeLimite {
  if (!estVide(categorie)) {
    throw argumentInvalide(`${nom} : ${decrireValeur(categorie)} non utilisée pour le ${f} du poste « ${poste.nom} » — laissez-la vide.`);
  }
  return { poste: poste.code as "monture" | "optam" | "ticket-moderateur" | "ani-dentaire" | "non-optam" };
}

/** « I », « II », « classe I », « 100 % Santé »… (the core's recogniser, as REMB.AUDIO's `classe`). */
function classeAudio(v: ValeurCellule, nom: string): "I" | "II" {
  if (typeof v === "number" && (v === 1 || v === 2)) return v === 1 ? "I" : "II";
  if (typeof v === "string") {
    try {
      return classeAudioDepuisTexte(v);
    } catch {
      // The message below names the argument and says a wearer's age goes with « audio classe I ».
    }
  }
  throw argumentInvalide(
    `${nom} : ${decrireValeur(v)} n'est pas une classe d'aide auditive — « I » (100 % Santé) ou « II » est attendue ; pour l'âge du porteur, poste « audio classe I ».`,
  );
}

const PORTEUR_ATTENDU = `« adulte », « enfant » (ou « moins de … ans ») ou l'âge du porteur, de 0 à ${AGE_MAX} ans, est attendu`;

/**
 * The wearer of a classe I aid: « adulte » (default), « enfant » / « aveugle » / « cécité » / « mineur », an age
 * (12), « moins de 20 ans » / « 20 ans et plus » (read as ages: the threshold itself is the core's, from its data).
 */
function porteurAudio(v: ValeurCellule, nom: string): PorteurAudio | undefined {
  if (estVide(v)) return undefined;
  if (typeof v === "number") return ageDuPorteur(v, v, nom);
  if (typeof v === "string") {
    const n = plier(v);
    if (/^(adultes?)$/.test(n)) return "adulte";
    if (/^(enfants?|mineurs?|aveugles?|cecite|malvoyants?)$/.test(n)) return "enfant";
    const m = /^(?:(moins de )?(\d+)(?: ans?)?|(?:plus de )?(\d+) ans?(?: et plus)?)$/.exec(n);
    if (m) {
      if (m[2] !== undefined) return ageDuPorteur(m[1] ? Number(m[2]) - 1 : Number(m[2]), v, nom);
      return ageDuPorteur(Number(m[3]), v, nom);
    }
  }
  throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas un porteur d'aide auditive — ${PORTEUR_ATTENDU}.`);
}

function ageDuPorteur(age: number, v: ValeurCellule, nom: string): PorteurAudio {
  if (!(Number.isFinite(age) && age >= 0 && age <= AGE_MAX)) {
    throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas un âge possible — ${PORTEUR_ATTENDU}.`);
  }
  return { age };
}

/** A level above this many times the BR is a slip (« 150 » typed for 150 %), as for guarantees (MULTIPLE_BR_MAX). */
const NIVEAU_OPTAM_MAX = 10;

const NIVEAU_ATTENDU = "la garantie OPTAM du contrat en multiple de la BR (1,5), en pourcentage (« 150 % ») ou « frais réels » est attendue";

/** The OPTAM level: a multiple of the BR (1,5), « 150 % », « 150 % BR », « 1,5 », or « frais réels ». Empty: none. */
function niveauOptam(v: ValeurCellule, nom: string): Taux | "frais-reels" | undefined {
  if (estVide(v)) return undefined;
  let d: Dec | undefined;
  if (typeof v === "number") {
    if (Number.isFinite(v)) d = new Dec(v);
  } else if (typeof v === "string") {
    const n = replier(v)
      .replace(/\bsecu(rite sociale)? incluse\b/, "")
      .replace(/\b(de la )?(brss|br|base( de remboursement)?)\b/, "")
      .trim();
    if (/^(100 ?% ?)?(fr|frais reels)$/.test(n)) return "frais-reels";
    const x = nombreDepuisTexte(n);
    if (x !== null && !x.euro) d = x.pourcent ? new Dec(x.decimal).div(100) : new Dec(x.decimal);
  }
  if (d === undefined || d.isNegative()) throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas un niveau OPTAM — ${NIVEAU_ATTENDU}.`);
  if (d.greaterThan(NIVEAU_OPTAM_MAX)) {
    throw argumentInvalide(`${nom} : niveau OPTAM invraisemblable, ${d.toFixed().replace(".", ",")} fois la BR — pour 150 %, indiquez 1,5 ou « 150 % ».`);
  }
  return tauxDepuisTexte(d.toFixed());
}

/** The forfait journalier's service: « psychiatrie » (any word with « psy »), or general services (empty, « MCO »…). */
function psychiatrie(v: ValeurCellule, nom: string): boolean {
  if (estVide(v)) return false;
  const n = typeof v === "string" ? plier(v) : "?";
  if (/psy/.test(n)) return true;
  if (/^(general|generaux|services generaux|medecine|chirurgie|hopital|mco)$/.test(n)) return false;
  throw argumentInvalide(`${nom} : ${decrireValeur(v)} n'est pas un service hospitalier — « psychiatrie » ou rien (services généraux) est attendu.`);
}
