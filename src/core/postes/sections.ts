import { jetons } from "./normaliser";
import type { Section } from "./types";

/**
 * Words that name a section: in a heading row (« OPTIQUE », « SOINS COURANTS », « Hospitalisation médicale et
 * chirurgicale ») they set the section of the lines below; inside a label (« Optique : verres simples ») they
 * set the section of that line. Tokens are canonical (normaliser.ts).
 */
const MOTS_SECTION: ReadonlyMap<string, Section> = new Map([
  ["hospitalisation", "hospitalisation"],
  ["soinscourants", "soins-courants"],
  ["ville", "soins-courants"],
  ["dentaire", "dentaire"],
  ["optique", "optique"],
  ["vision", "optique"],
  ["aideauditive", "aides-auditives"],
  ["auditive", "aides-auditives"],
  ["audio", "aides-auditives"],
  ["audition", "aides-auditives"],
  ["prevention", "prevention"],
  ["medecinedouce", "prevention"],
  ["bienetre", "prevention"],
  ["autre", "autres"],
  ["divers", "autres"],
]);

/** Words that may accompany a section name in a heading row without making it a care line. */
const MOTS_TITRE = new Set([
  "frais",
  "soin",
  "medical",
  "chirurgie",
  "maternite",
  "compris",
  "hors",
  "poste",
  "prestation",
  "garantie",
  "courant",
  "medecine",
  "depense",
  "sante",
  "appareillage",
  "prothese",
  "equipement",
  "remboursement",
  "secu",
  "acte",
  "honoraire",
  "dentaire",
  "complementaire",
  "pratique",
  "service",
  "assistance",
  "option",
  "forfait",
  "ambulatoire",
  "suite",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
]);

/** The section a word names, if any. */
export function sectionDuMot(mot: string): Section | undefined {
  return MOTS_SECTION.get(mot);
}

/**
 * The section named by a heading row's text (« OPTIQUE », « 2. SOINS COURANTS », « Hospitalisation (y compris
 * maternité) »), or null when the text is not a section heading (« Honoraires médicaux » is a sub-heading).
 */
export function sectionDeTitre(libelle: string): Section | null {
  // « Aides auditives (tous les 4 ans par oreille de date à date) », « Hospitalisation (y compris frais
  // d'accouchement) »: what the parentheses add does not make the heading a care line.
  const sansParentheses = libelle.replace(/\([^()]*\)/g, " ");
  const mots = jetons(sansParentheses.trim() !== "" ? sansParentheses : libelle);
  let section: Section | null = null;
  for (const m of mots) {
    const s = MOTS_SECTION.get(m);
    if (s !== undefined) {
      if (section !== null && section !== s) return null;
      section = s;
    } else if (!MOTS_TITRE.has(m)) {
      return null;
    }
  }
  return section;
}

/**
 * The section a heading names by its first word before a sentence (« Optique Les prestations des garanties monture et
 * verres s'entendent… », « Dentaire : limité à 3 prothèses par an »), or null. « Autres » is too common a word to say so.
 */
export function sectionEnTete(libelle: string): Section | null {
  const premier = jetons(libelle)[0];
  const s = premier === undefined ? undefined : MOTS_SECTION.get(premier);
  return s === undefined || s === "autres" ? null : s;
}

/** The label is only a section's name (« Optique », « Aide auditive »), not a care that shares its words (« Soins dentaires »). */
export function estNomDeSection(libelle: string): boolean {
  const mots = jetons(libelle);
  return mots.length > 0 && mots.every((m) => MOTS_SECTION.has(m));
}
