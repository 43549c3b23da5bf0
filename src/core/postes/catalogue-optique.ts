import { poste } from "./definir";
import type { CategorieOptique, TypeVerre } from "./types";

/**
 * Optique (harmonised heading 4). Classe A = 100 % Santé (rule « R871-2 3° classe A »); classe B lines carry the R871-2 3° planchers
 * and caps per category a–f, the frame limit and the renewal period (rules « R871-2 3° plancher » to « R871-2 3° même catégorie »); AMO rate: LPP.
 */
const REGLES_CLASSE_B = [
  "R871-2 3° plancher",
  "R871-2 3° plafond",
  "R871-2 3° monture",
  "R871-2 3° renouvellement",
  "R871-2 3° même catégorie",
  "D911-1",
] as const;

/** Words that veto a classe B line: it is then the 100 % Santé one. */
const PAS_CLASSE_A = ["100 % Santé", "classe A"];

function equipement<const C extends CategorieOptique>(categorie: C, libelle: string, synonymes: readonly string[], section: readonly string[]) {
  return poste({
    code: `optique.equipement.${categorie}` as `optique.equipement.${C}`,
    libelle: `Équipement classe B — ${libelle} (catégorie ${categorie})`,
    section: "optique",
    synonymes: [...synonymes, `équipement catégorie ${categorie}`, `classe B ${synonymes[0]}`],
    synonymesSection: [...section, `catégorie ${categorie}`],
    exclusions: PAS_CLASSE_A,
    calculateur: "optique",
    optique: { classe: "B", categorie, element: "equipement" },
    tauxRo: "ro.taux.lpp",
    regles: REGLES_CLASSE_B,
  });
}

/**
 * One classe B lens of a type, printed per lens (« Verre simple : 100 % BR + 80 € », « Verres complexes : 75 € par
 * verre »): the validator composes each category's equipment from two lenses and the frame line.
 */
function verre<const T extends TypeVerre>(typeVerre: T, libelle: string, synonymes: readonly string[]) {
  return poste({
    code: `optique.verre.${typeVerre}` as `optique.verre.${T}`,
    libelle: `Verre classe B — ${libelle} (montant par verre)`,
    section: "optique",
    synonymes,
    exclusions: [...PAS_CLASSE_A, "équipement"],
    calculateur: "optique",
    optique: { classe: "B", element: "verre", typeVerre },
    tauxRo: "ro.taux.lpp",
    regles: REGLES_CLASSE_B,
  });
}

export const POSTES_OPTIQUE = [
  // « Sphère de − 6 à + 6 : 55 € », « Cylindre > + 4, sphère < − 6 : 120 € », « – de 4,25 à 6 : 185 € »: the per-lens
  // grids of branch agreements, one amount per correction band. The lens type of a band is not read yet: such lines
  // are kept and shown, and the equipment checks say they could not be made on them.
  poste({
    code: "optique.verre.correction",
    libelle: "Verre classe B selon la correction (montant par verre, par tranche de sphère et de cylindre)",
    section: "optique",
    synonymes: ["sphère", "cylindre", "dioptrie", "sphère et cylindre"],
    synonymesSection: ["SPH", "CYL"],
    exclusions: PAS_CLASSE_A,
    calculateur: "optique",
    optique: { classe: "B", element: "verre" },
    tauxRo: "ro.taux.lpp",
    regles: REGLES_CLASSE_B,
  }),
  poste({
    code: "optique.equipement.100-sante",
    libelle: "Équipement 100 % Santé (classe A : monture et verres)",
    section: "optique",
    synonymes: [
      "équipement 100 % Santé",
      "équipement optique 100 % Santé",
      "lunettes 100 % Santé",
      "optique 100 % Santé",
      "équipement classe A",
      "verres et monture 100 % Santé",
      "100 % Santé verres simples complexes très complexes",
      "verres 100 % Santé",
      "verres et monture classe A",
      "monture et verres classe A",
      "classe A équipement verres et monture",
    ],
    synonymesSection: ["100 % Santé", "classe A", "panier 100 % Santé", "panier A"],
    exclusions: ["hors 100 % Santé", "classe B"],
    calculateur: "optique",
    optique: { classe: "A", element: "equipement" },
    tauxRo: "ro.taux.lpp",
    regles: ["R871-2 3° classe A", "R871-2 3° renouvellement"],
  }),
  poste({
    code: "optique.monture.100-sante",
    libelle: "Monture 100 % Santé (classe A)",
    section: "optique",
    synonymes: ["monture 100 % Santé", "monture classe A"],
    exclusions: ["hors 100 % Santé", "classe B"],
    calculateur: "optique",
    optique: { classe: "A", element: "monture" },
    tauxRo: "ro.taux.lpp",
    regles: ["R871-2 3° classe A", "R871-2 3° renouvellement"],
  }),
  poste({
    code: "optique.equipement.classe-b",
    libelle: "Équipement classe B (hors 100 % Santé), toutes catégories",
    section: "optique",
    synonymes: [
      "équipement hors 100 % Santé",
      "équipement classe B",
      "équipement optique hors 100 % Santé",
      "lunettes hors 100 % Santé",
      "équipement à tarifs libres",
      "lunettes",
      // A line named « Optique » (with values) is the equipment.
      "optique",
      "frais d'optique",
      "verres et monture classe B",
      "classe B équipement verres et monture",
      "équipement offre libre classe B",
      // An equipment mixing a class A and a class B element is paid as class B.
      "équipement mixte classes A et B",
      "combinaison de verres et monture de classes A et B",
    ],
    synonymesSection: ["hors 100 % Santé", "classe B", "tarifs libres", "équipement", "panier libre", "panier B"],
    // « Prestation d'adaptation et d'appairage du panier libre » is a service on the equipment, not the equipment.
    exclusions: [...PAS_CLASSE_A],
    calculateur: "optique",
    optique: { classe: "B", element: "equipement" },
    tauxRo: "ro.taux.lpp",
    regles: REGLES_CLASSE_B,
  }),
  equipement(
    "a",
    "deux verres simples",
    [
      "équipement verres simples",
      "2 verres simples",
      "équipement à verres simples",
      "équipement simple",
      "équipement unifocal simple",
      "monture + verres simples",
      "monture + verres unifocaux",
    ],
    ["simples"],
  ),
  equipement(
    "b",
    "un verre simple et un verre complexe",
    ["verre simple et verre complexe", "verres mixtes simple complexe", "équipement mixte simple complexe"],
    ["simple et complexe", "simple complexe"],
  ),
  equipement(
    "c",
    "deux verres complexes",
    ["équipement verres complexes", "2 verres complexes", "équipement complexe", "équipement à verres complexes", "monture + verres complexes"],
    ["complexes"],
  ),
  equipement(
    "d",
    "un verre simple et un verre très complexe",
    ["verre simple et verre très complexe", "verres mixtes simple très complexe", "équipement mixte simple très complexe"],
    ["simple et très complexe", "simple très complexe"],
  ),
  equipement(
    "e",
    "un verre complexe et un verre très complexe",
    ["verre complexe et verre très complexe", "verres mixtes complexe très complexe", "équipement mixte complexe très complexe"],
    ["complexe et très complexe", "complexe très complexe"],
  ),
  equipement(
    "f",
    "deux verres très complexes",
    [
      "équipement verres très complexes",
      "2 verres très complexes",
      "équipement très complexe",
      "équipement à verres très complexes",
      "monture + verres très complexes",
    ],
    ["très complexes"],
  ),
  verre("simple", "verre simple", ["verre simple", "verres simples", "verre unifocal simple", "verres unifocaux simples"]),
  verre("complexe", "verre complexe", ["verre complexe", "verres complexes", "verre unifocal complexe", "verres unifocaux complexes"]),
  verre("tres-complexe", "verre très complexe", [
    "verre très complexe",
    "verres très complexes",
    "verre hypercomplexe",
    "verres hyper complexes",
    "verre hyper complexe",
  ]),
  poste({
    code: "optique.monture",
    libelle: "Monture classe B",
    section: "optique",
    synonymes: [
      "monture",
      "monture classe B",
      "monture hors 100 % Santé",
      "monture adulte",
      "monture enfant",
      "monture à tarif libre",
      "monture à tarifs libres",
    ],
    exclusions: PAS_CLASSE_A,
    calculateur: "optique",
    optique: { classe: "B", element: "monture" },
    tauxRo: "ro.taux.lpp",
    regles: ["R871-2 3° monture", "R871-2 3° plafond", "R871-2 3° renouvellement"],
  }),
  poste({
    code: "optique.verres",
    libelle: "Verres classe B (tous types)",
    section: "optique",
    synonymes: ["verres", "verres classe B", "verres hors 100 % Santé", "verres progressifs", "verres multifocaux", "verres unifocaux"],
    // A correction band (« Sphère de − 6 à + 6 ») makes it an amount per lens: optique.verre.correction.
    exclusions: [...PAS_CLASSE_A, "sphère", "cylindre", "SPH", "CYL", "dioptrie"],
    calculateur: "optique",
    optique: { classe: "B", element: "verres" },
    tauxRo: "ro.taux.lpp",
    regles: REGLES_CLASSE_B,
    note: "Sans type de verre, la catégorie (a à f) et donc les plancher et plafond ne sont pas déterminés.",
  }),
  poste({
    code: "optique.prestations",
    libelle: "Prestations optiques (adaptation de la prescription, appairage, supplément filtre)",
    section: "optique",
    synonymes: [
      "prestation d'adaptation",
      "adaptation de la prescription",
      "appairage",
      "supplément filtre",
      "verres avec filtre",
      "prestations optiques",
      "suppléments pour verres",
      "prisme",
      "système antiptosis",
      "verres iséiconiques",
      "renouvellement d'une ordonnance par l'opticien",
      "examen de la réfraction",
      "examen de vue",
    ],
    calculateur: "soins",
    optique: { element: "prestation" },
    tauxRo: "ro.taux.lpp",
  }),
  poste({
    code: "optique.lentilles",
    libelle: "Lentilles de contact (remboursées ou non)",
    section: "optique",
    synonymes: ["lentilles", "lentilles de contact", "lentilles remboursées ou non"],
    calculateur: "soins",
    optique: { element: "lentilles" },
    tauxRo: "ro.taux.lpp",
  }),
  poste({
    code: "optique.lentilles.remboursees",
    libelle: "Lentilles remboursées par l'AMO",
    section: "optique",
    synonymes: ["lentilles remboursées", "lentilles prises en charge", "lentilles acceptées", "lentilles remboursées par la Sécurité sociale"],
    exclusions: ["non remboursées"],
    calculateur: "soins",
    optique: { element: "lentilles" },
    tauxRo: "ro.taux.lpp",
  }),
  poste({
    code: "optique.lentilles.non-remboursees",
    libelle: "Lentilles non remboursées par l'AMO",
    section: "optique",
    synonymes: ["lentilles non remboursées", "lentilles refusées", "lentilles non prises en charge"],
    calculateur: "soins",
    remboursableRo: false,
    optique: { element: "lentilles" },
  }),
  poste({
    code: "optique.chirurgie-refractive",
    libelle: "Chirurgie réfractive",
    section: "optique",
    synonymes: [
      "chirurgie réfractive",
      "chirurgie de la myopie",
      "opération de la myopie",
      "lasik",
      "chirurgie laser des yeux",
      "traitement laser de la myopie",
    ],
    calculateur: "soins",
    remboursableRo: false,
    optique: { element: "chirurgie" },
  }),
] as const;
