import { poste } from "./definir";

/** Aides auditives (harmonised heading 5): classe I = 100 % Santé (rule « R871-2 4° classe I »), classe II ≤ 1 700 € (rule « R871-2 4° plafond »). */
export const POSTES_AUDIO = [
  poste({
    code: "audio.aides",
    libelle: "Aides auditives (toutes classes)",
    section: "aides-auditives",
    synonymes: ["aides auditives", "appareillage auditif", "prothèses auditives", "audioprothèses", "appareils auditifs"],
    calculateur: "audio",
    audio: { element: "aide" },
    tauxRo: "ro.taux.lpp",
    regles: ["R871-2 4° classe I", "R871-2 4° plafond", "R871-2 4° renouvellement"],
  }),
  poste({
    code: "audio.classe-1",
    libelle: "Aides auditives 100 % Santé (classe I)",
    section: "aides-auditives",
    synonymes: ["aides auditives 100 % Santé", "aide auditive classe I", "équipement auditif 100 % Santé", "audioprothèses 100 % Santé"],
    synonymesSection: ["100 % Santé", "classe I", "panier 100 % Santé", "équipement 100 % Santé"],
    exclusions: ["hors 100 % Santé", "classe II"],
    calculateur: "audio",
    audio: { classe: "I", element: "aide" },
    tauxRo: "ro.taux.lpp",
    regles: ["R871-2 4° classe I", "R871-2 4° renouvellement"],
  }),
  poste({
    code: "audio.classe-2",
    libelle: "Aides auditives classe II (hors 100 % Santé)",
    section: "aides-auditives",
    synonymes: ["aides auditives hors 100 % Santé", "aide auditive classe II", "aides auditives à tarifs libres", "audioprothèses hors 100 % Santé"],
    synonymesSection: ["classe II", "hors 100 % Santé", "tarifs libres", "équipement hors 100 % Santé", "panier libre", "équipement du panier libre", "prix libres"],
    exclusions: ["100 % Santé", "classe I"],
    calculateur: "audio",
    audio: { classe: "II", element: "aide" },
    tauxRo: "ro.taux.lpp",
    regles: ["R871-2 4° plafond", "R871-2 4° renouvellement"],
  }),
  poste({
    code: "audio.accessoires",
    libelle: "Piles, entretien et accessoires des aides auditives",
    section: "aides-auditives",
    synonymes: ["piles", "accessoires auditifs", "entretien des aides auditives", "piles et accessoires", "accessoires aides auditives"],
    synonymesSection: ["accessoires", "entretien", "réparations", "consommables"],
    calculateur: "soins",
    audio: { element: "accessoires" },
    tauxRo: "ro.taux.lpp",
  }),
] as const;
