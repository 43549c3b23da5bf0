import type { Convention } from "../garantie";
import { plier } from "../texte/plier";

/**
 * What a grid says, once for all its cells, about the régime obligatoire: its amounts are totals that include the
 * Sécurité sociale's reimbursement (« Remboursements y compris l'AMO », « Niveaux de couverture incluant le
 * remboursement sécurité sociale », the default of the language), or come on top of it (« Prestations en complément
 * des prestations versées par la sécurité sociale », « Garanties complétant celles de la sécurité sociale », « Les
 * niveaux d'indemnisation s'entendent hors prestations versées par la sécurité sociale »). Branch agreements often
 * write their grid the second way: read the first way, « 30 % de la BR » would be a ticket modérateur left uncovered.
 */
export interface ConventionRo {
  readonly valeur: Convention;
  /** The printed words that say it. */
  readonly texte: string;
}

const RO = "(?:securite sociale|regime obligatoire|regime general|assurance maladie(?: obligatoire)?|amo|ro|rss|ss|secu)";
const ART = "(?:les |le |la |l |de la |du |des |de l |d |de )?";
const PART = `(?:${ART}(?:prestations?|remboursements?|part|celles?|ceux)(?: versees?| verse| effectues?)?(?: par| de| du| des)? ?(?:la |le |l )?)?`;

const EN_SUS: readonly RegExp[] = [
  // « Prestations complémentaires », « Part complémentaire », « Au titre du ticket modérateur » as a level's header: the
  // complementary's own part, printed beside the Sécurité sociale's.
  /^(?:prestations?|remboursements?|part|prise en charge|garanties?) complementaires?\b/,
  /\bau titre du ticket moderateur\b/,
  new RegExp(`\\ben complement ${ART}${PART}${RO}\\b`),
  new RegExp(`\\bcomplet(?:ant|ent) ${PART}${RO}\\b`),
  new RegExp(`\\bhors ${PART}${RO}\\b`),
  new RegExp(`\\ben (?:sus|plus) ${ART}${PART}${RO}\\b`),
];

const INCLUS: readonly RegExp[] = [
  new RegExp(`\\by compris ${ART}${PART}${RO}\\b`),
  new RegExp(`\\bincluant ${ART}${PART}${RO}\\b`),
  new RegExp(`\\b${RO} (?:incluse?s?|comprise?s?)\\b`),
  new RegExp(`\\b(?:integrent|incluent|comprennent) ${ART}${PART}${RO}\\b`),
  new RegExp(`\\btenant compte (?:du |des |de la )?${PART}${RO}\\b`),
  new RegExp(`\\bsous deduction ${ART}${PART}${RO}\\b`),
  new RegExp(`\\b${RO} (?:regime de branche|regime complementaire|complementaire|mutuelle)\\b`),
];

/** The convention a printed text states, or undefined when it states none (or both). */
export function conventionRoDuTexte(texte: string): ConventionRo | undefined {
  const p = plier(texte).replace(/'/g, " ");
  const sus = EN_SUS.some((re) => re.test(p));
  const inclus = INCLUS.some((re) => re.test(p));
  if (sus === inclus) return undefined;
  return { valeur: sus ? "RO_EN_SUS" : "RO_INCLUS", texte: texte.length > 160 ? `${texte.slice(0, 157)}…` : texte };
}
