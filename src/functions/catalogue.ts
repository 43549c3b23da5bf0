/**
 * The REMB.* functions in the order of docs/fonctions.md, with a one-line French summary for the task
 * pane and the help index. The public contract (ids, arguments) is functions.ts's JSDoc, checked against
 * test/fixtures/functions/contrat-public.json.
 */
export interface EntreeCatalogue {
  readonly id: string;
  readonly resume: string;
}

export const CATALOGUE: readonly EntreeCatalogue[] = [
  { id: "TM", resume: "ticket modérateur" },
  { id: "RO", resume: "remboursement net de la Sécurité sociale" },
  { id: "SOINS", resume: "acte avec base de remboursement : consultation, auxiliaire, biologie, pharmacie…" },
  { id: "OPTIQUE", resume: "équipement d'optique (monture + 2 verres)" },
  { id: "AUDIO", resume: "aide auditive (une oreille)" },
  { id: "DENTAIRE", resume: "prothèse, orthodontie et soins dentaires" },
  { id: "SEJOUR", resume: "frais de séjour hospitalier" },
  { id: "FJ", resume: "forfait journalier hospitalier" },
  { id: "GARANTIE", resume: "montant garanti par une expression de garantie" },
  { id: "NORMALISER", resume: "forme canonique d'une expression de garantie" },
  { id: "PLAFOND", resume: "plafond du contrat responsable" },
  { id: "PLANCHER", resume: "plancher du contrat responsable" },
  { id: "PARAM", resume: "paramètre légal daté" },
  { id: "VERRE", resume: "type d'un verre (simple, complexe, très complexe)" },
  { id: "CATEGORIE", resume: "catégorie d'équipement d'optique a à f" },
  { id: "RENOUVELLEMENT", resume: "renouvellement d'un équipement d'optique ou d'une aide auditive" },
  { id: "TSA", resume: "taxe de solidarité additionnelle sur une cotisation" },
  { id: "VERIFIER", resume: "contrôle d'une grille de garanties au regard du contrat responsable" },
  { id: "SCENARIOS", resume: "scénarios types de remboursement pour comparer des contrats" },
];
