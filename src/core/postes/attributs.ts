import { plier } from "../texte/plier";
import { estNomDeSection } from "./sections";

/**
 * Lines a grid prints among its care lines that are not a care: a service (« Assistance », « Téléconsultation :
 * incluse », « Plateforme conseil »), a condition of the contract (« Tiers payant : Oui », « Réseau Kalixia »,
 * « Garantie portabilité », « Maintien des garanties »), a solidarity or prevention programme, a price. They are
 * kept and shown, never checked: read as care, « Assistance » would be the maternity forfait and « Télévision à
 * l'hôpital » a hospital stay.
 */

/** Words that make a label a service or a contract attribute. Folded (normaliser `plier`). */
const MOTS_ATTRIBUT =
  /\b(assistance|assisteur|services?|portabilite|obseques|solidarite|solidaire|fonds (d )?action sociale|fonds social|action sociale|plateforme|conseil|aide pedagogique|aide menagere|garde a domicile|garde des enfants|television|presence d un proche|chevet|tiers payant|reseau de soins|kalixia|kalivia|santeclair|itelis|carte blanche|seveane|cotisations?|tarifs? mensuels?|deuxieme avis|second avis|maintien|ayants? droit|conciergerie|coaching|espace adherent|campagnes?|renouvellement|devis obligatoire|panachage|delais? de renouvellement|seakmed|comite d experts)\b/;

/**
 * Care that such words may still name: assisted reproduction is a care, « soins de suite » is a stay, the optician's
 * « prestation d'adaptation … en cas de renouvellement » is a reimbursed service.
 */
const SOINS_MALGRE_TOUT =
  /\b(assistance medicale a la procreation|amp|services? de (soins|sante|medecine|chirurgie|psychiatrie)|service medical rendu|prestation d adaptation)\b/;

/** « . Adulte de moins de 65 ans », « Enfant de 9 à 12 ans »: the age bands of a price table. */
const TRANCHE_D_AGE = /^\W*(adultes?|enfants?|conjoints?|assures?|beneficiaires?)\b.*\b(ans|age)\b/;

/**
 * The line is an attribute or a service, not a care. `valeurs`: the printed texts of its level cells; `montants`:
 * how many of them read as a guarantee with an amount (« 100 % BR », « 50 € »); `apresAttribut`: the line just above
 * is an attribute.
 */
export function estAttribut(libelle: string, intertitre: string | undefined, valeurs: readonly string[], montants: number, apresAttribut = false): boolean {
  const l = plier(libelle);
  const t = plier(intertitre ?? "");
  if (SOINS_MALGRE_TOUT.test(l)) return false;
  const phrases = valeurs.filter((v) => v.trim() !== "").every((v) => estPhrase(v));
  if (MOTS_ATTRIBUT.test(l) && montants === 0) return true;
  // « Garantie obsèques » then « . Adulte de moins de 65 ans | 1 753,16 € »: the amounts by age detail the service.
  if (TRANCHE_D_AGE.test(l) && (montants === 0 || apresAttribut)) return true;
  // « | | Devis obligatoire avant d'engager vos soins… »: a row without a label that only states a condition.
  if (l === "" && phrases && montants === 0 && valeurs.some((v) => v.trim() !== "")) return true;
  // « Optique | Limité à 1 équipement tous les 2 ans… »: a section's name carrying a rule, not a guarantee.
  if (phrases && montants === 0 && valeurs.some((v) => v.trim() !== "") && estNomDeSection(libelle)) return true;
  // Under « Assistance hospitalisation », « Garanties solidaires »: the lines are the service's items.
  if (/\b(assistance|garanties solidaires|services?|solidarite)\b/.test(t) && !SOINS_MALGRE_TOUT.test(t) && montants === 0) return true;
  // A row whose values are all sentences (« Maintien du régime frais de santé pendant 12 mois ») states a rule or a
  // programme, not a guarantee.
  return phrases && montants === 0 && valeurs.some((v) => v.trim() !== "") && /\b(prevention|information|depistage|programme|accompagnement)\b/.test(l);
}

/** A printed value that is a sentence, not a guarantee: long, or starting with words rather than an amount. */
function estPhrase(v: string): boolean {
  const t = v.trim();
  // « Frais réels dans la limite de 1 000 € par appareil remboursé… », « Ticket modérateur … », « Néant »: a guarantee
  // (even unread, or nothing), not a sentence.
  if (/^(frais\s+r[ée]els|ticket\s+mod[ée]rateur|tm\b|forfait\b|n[ée]ant\b|\d)/i.test(t)) return false;
  // « 100 % BR dans la limite d'un entretien et de 7 séances par an » is long, but a guarantee.
  return (t.length > 40 && !/^[+\s]*\d/.test(t)) || /^[–—-]?\s*\p{L}{4,}/u.test(t);
}
