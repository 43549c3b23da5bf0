import { RembError, argumentInvalide } from "../errors";
import { centsDepuisEuros, type Cents } from "../money";
import type { Jour } from "../dates";
import { normaliserMotCle, verifierJour, verifierMontant, QUOI_DATE_SOINS } from "./entrees";
import { memoCents, type ParametreMemo } from "./parametre-memo";

/**
 * What the AMO keeps on one line (L160-13 II and III CSS): the participation forfaitaire on doctor and biology
 * acts, or a franchise on medicines, auxiliary acts and transport. A responsible contract never refunds it
 * (L871-1): calculators cap the RC against RO brut, so the retenue stays in the RAC (docs/modele-de-calcul.md §3).
 *
 * Per act only. The annual caps (D160-6 for the PF, D160-10 for franchises) and the daily caps (D160-8: 4 PF per
 * day with the same professional; D160-11: franchises on auxiliary acts and transport) need counters of what
 * was already charged this day and this year, which a single spreadsheet line does not have: REMB charges the
 * full unit amount on every line. A caller who knows the cap is reached passes the remaining amount in cents.
 */
export type MotCleRetenue = "AUCUNE" | "PF" | "FRANCHISE" | "FRANCHISE-MEDICAMENT" | "FRANCHISE-TRANSPORT";

/** An amount in cents (already known) or a keyword resolved with the parameter of the care date. */
export type Retenue = Cents | MotCleRetenue;

/** Dated parameter of each keyword (names of docs/parametres.md and §4). */
const PARAMETRE: Readonly<Record<MotCleRetenue, string | null>> = {
  AUCUNE: null,
  PF: "pf.montant",
  FRANCHISE: "franchise.acte_auxiliaire",
  "FRANCHISE-MEDICAMENT": "franchise.medicament",
  "FRANCHISE-TRANSPORT": "franchise.transport",
};

const LIBELLE: Readonly<Record<MotCleRetenue, string>> = {
  AUCUNE: "aucune retenue",
  PF: "participation forfaitaire",
  FRANCHISE: "franchise sur acte d'auxiliaire médical",
  "FRANCHISE-MEDICAMENT": "franchise sur boîte de médicament",
  "FRANCHISE-TRANSPORT": "franchise sur transport",
};

const MEMO_PF = memoCents("pf.montant");
const MEMO_FRANCHISE = memoCents("franchise.acte_auxiliaire");
const MEMO_MEDICAMENT = memoCents("franchise.medicament");
const MEMO_TRANSPORT = memoCents("franchise.transport");

function memo(r: MotCleRetenue): ParametreMemo<Cents> | null {
  switch (r) {
    case "PF":
      return MEMO_PF;
    case "FRANCHISE":
      return MEMO_FRANCHISE;
    case "FRANCHISE-MEDICAMENT":
      return MEMO_MEDICAMENT;
    case "FRANCHISE-TRANSPORT":
      return MEMO_TRANSPORT;
    case "AUCUNE":
      return null;
    default:
      throw retenueInconnue(String(r));
  }
}

export function estMotCleRetenue(x: unknown): x is MotCleRetenue {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(PARAMETRE, x);
}

/** The parameter behind a keyword (null for AUCUNE or an amount). */
export function parametreRetenue(r: Retenue): string | null {
  return typeof r === "number" ? null : PARAMETRE[r];
}

/** French label for DETAIL: « participation forfaitaire », « franchise sur boîte de médicament »… */
export function libelleRetenue(r: Retenue): string {
  return typeof r === "number" ? "retenue (montant saisi)" : LIBELLE[r];
}

/** The unit amount of the retenue on the care date, before the RO cap. */
export function montantRetenue(r: Retenue, date: Jour): Cents {
  if (typeof r === "number") {
    return verifierMontant(r, "la retenue (participation forfaitaire ou franchise)");
  }
  const m = memo(r);
  if (m === null) return 0;
  verifierJour(date, QUOI_DATE_SOINS);
  return m.valeurAu(date);
}

type Sens = MotCleRetenue;

// Normalised spellings (see normaliserMotCle) → keyword. Plurals and « de / sur / par » are dropped first.
const SYNONYMES: ReadonlyMap<string, Sens> = new Map<string, Sens>([
  ["", "AUCUNE"],
  ["aucune", "AUCUNE"],
  ["aucun", "AUCUNE"],
  ["aucune retenue", "AUCUNE"],
  ["sans", "AUCUNE"],
  ["sans retenue", "AUCUNE"],
  ["non", "AUCUNE"],
  ["neant", "AUCUNE"],
  ["exonere", "AUCUNE"],
  ["exoneree", "AUCUNE"],
  ["exoneration", "AUCUNE"],
  ["pf", "PF"],
  ["participation", "PF"],
  ["participation forfaitaire", "PF"],
  ["franchise", "FRANCHISE"],
  ["franchise acte", "FRANCHISE"],
  ["franchise auxiliaire", "FRANCHISE"],
  ["franchise auxiliaire medical", "FRANCHISE"],
  ["franchise acte auxiliaire", "FRANCHISE"],
  ["franchise acte auxiliaire medical", "FRANCHISE"],
  ["franchise acte paramedical", "FRANCHISE"],
  ["franchise paramedical", "FRANCHISE"],
  ["franchise medicament", "FRANCHISE-MEDICAMENT"],
  ["franchise boite", "FRANCHISE-MEDICAMENT"],
  ["franchise boite medicament", "FRANCHISE-MEDICAMENT"],
  ["franchise pharmacie", "FRANCHISE-MEDICAMENT"],
  ["medicament", "FRANCHISE-MEDICAMENT"],
  ["franchise transport", "FRANCHISE-TRANSPORT"],
  ["franchise transport sanitaire", "FRANCHISE-TRANSPORT"],
  ["transport", "FRANCHISE-TRANSPORT"],
]);

const MOTS_VIDES = new Set(["de", "du", "des", "d", "sur", "par", "la", "le", "les", "l", "un", "une", "en"]);
const PLURIELS: Readonly<Record<string, string>> = {
  medicaments: "medicament",
  boites: "boite",
  transports: "transport",
  auxiliaires: "auxiliaire",
  actes: "acte",
  medicaux: "medical",
  paramedicaux: "paramedical",
  sanitaires: "sanitaire",
  franchises: "franchise",
  medicales: "medicale",
};

const NOMBRE = /^(\d+(?:[.,]\d+)?)\s*(?:€|e|eur|euro|euros)?$/;

/**
 * A retenue typed as text: a keyword (« PF », « participation forfaitaire », « franchise médicament »,
 * « franchise transport », « aucune »…) or an amount in euros (« 2 », « 0,50 € »).
 */
export function retenueDepuisTexte(s: string): Retenue {
  if (typeof s !== "string") throw retenueInconnue(String(s));
  const brut = s.trim();
  if (estMotCleRetenue(brut)) return brut;
  if (/^[-−]\s*\d/.test(brut)) {
    throw new RembError("MONTANT_INVALIDE", `Retenue négative : « ${s} » — un montant positif ou nul est attendu.`);
  }
  const n = normaliserMotCle(brut);
  const montant = NOMBRE.exec(n.replace(/[\s\u00a0\u202f](?=\d{3}\b)/g, ""));
  if (montant) return centsDepuisEuros(montant[1]!.replace(",", "."), "la retenue");
  const mots = n
    .split(" ")
    .map((m) => PLURIELS[m] ?? m)
    .filter((m) => !MOTS_VIDES.has(m));
  const cle = mots.join(" ");
  const sens = SYNONYMES.get(cle);
  if (sens !== undefined) return sens;
  if (cle === "franchise medicale" || cle === "franchise medical") {
    throw argumentInvalide(
      `Retenue ambiguë : « ${s} » — précisez « franchise médicament », « franchise » (acte d'auxiliaire médical) ou « franchise transport ».`,
    );
  }
  throw retenueInconnue(s);
}

function retenueInconnue(s: string): RembError {
  return argumentInvalide(
    `Retenue inconnue : « ${s} » — attendu « PF » (participation forfaitaire), « FRANCHISE » (acte d'auxiliaire médical), « FRANCHISE-MEDICAMENT », « FRANCHISE-TRANSPORT », « AUCUNE » ou un montant en euros.`,
  );
}
