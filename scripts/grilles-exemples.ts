/**
 * The sample guarantee grids of assets/grilles/ (conforme, erreurs, base-options, reseau), written once here and
 * generated as a French-Excel CSV (UTF-8 with BOM, « ; », CRLF, merged cells written in their first cell only) and
 * as an XLSX workbook (exceljs: merged titles, sections and level names, some percentages as numbers with a %
 * format and some amounts with a € format, as insurers' workbooks have them). Both files have the same content.
 *
 * Run: `npx tsx scripts/grilles-exemples.ts` (the output is byte-for-byte reproducible). test/core/grille/exemples.test.ts
 * checks that the committed CSV and XLSX files are what this script writes, that both import to the same grid, and
 * that every line gets its intended poste with exactly the planned import alerts. The expected contrat-responsable findings of each grid are in
 * test/fixtures/responsable/<nom>.json (derived by hand from the law, not from this file).
 */
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";

/**
 * A printed value: text as typed, a percentage of the BR stored as an Excel number with a % format (CSV text
 * « 150 % »), an amount stored as a number with a € format (CSV text « 100 € »), or a bare number without any
 * format (CSV text « 150 »: an insurer who typed 150 in a column not formatted as %).
 */
export type Valeur = string | { readonly pourcent: number } | { readonly euros: number } | { readonly nombre: number };

export type Rangee =
  /** Title rows above the header (grid name, date d'effet): text in column A, merged across in the workbook. */
  | { readonly titre: string }
  /** A header row, from column A; in the workbook, `fusions` merges level names over their two columns. */
  | { readonly entete: readonly string[]; readonly fusions?: readonly (readonly [number, number])[] }
  /** A section row (« OPTIQUE »), merged across in the workbook. */
  | { readonly section: string }
  /** A sub-heading or a footnote: text in column A only, no value. */
  | { readonly texte: string }
  /** A guarantee line and the catalogue poste it is meant to be recognised as (null: planted unknown label). */
  | { readonly libelle: string; readonly poste: string | null; readonly valeurs: readonly Valeur[] };

/** An import alert the sample plants on purpose (code and A1 address without the sheet). */
export interface AlertePrevue {
  readonly code: string;
  readonly adresse: string;
  readonly gravite: "alerte" | "info";
}

export interface GrilleExemple {
  /** File name without extension in assets/grilles/. */
  readonly nom: string;
  /** Sheet name of the workbook. */
  readonly feuille: string;
  /** The date of effect printed in the title rows (AAAA-MM-JJ). */
  readonly dateEffet: string;
  /** Columns of the table (labels + levels). */
  readonly largeur: number;
  readonly rangees: readonly Rangee[];
  readonly alertes: readonly AlertePrevue[];
}

const pc = (pourcent: number): Valeur => ({ pourcent });
const eur = (euros: number): Valeur => ({ euros });
const nb = (nombre: number): Valeur => ({ nombre });
const FR = "Frais réels";
const TM = "100 % BR";
const PLV = "Frais réels dans la limite des PLV";
const HLF = "Frais réels dans la limite des HLF";
const N = "Néant";

function trois(v: Valeur): Valeur[] {
  return [v, v, v];
}

// ——— conforme: a compliant responsible grid, 3 levels ———

const CONFORME: GrilleExemple = {
  nom: "conforme",
  dateEffet: "2026-01-01",
  feuille: "Garanties 2026",
  largeur: 4,
  rangees: [
    { titre: "Horizon Santé — Tableau des garanties 2026" },
    { titre: "Date d'effet : 01/01/2026 — contrat responsable et solidaire" },
    { titre: "Remboursements exprimés Sécurité sociale incluse, dans la limite des frais réels" },
    { entete: ["Garanties", "Niveau 1", "Niveau 2", "Niveau 3"] },
    { section: "HOSPITALISATION (y compris maternité)" },
    { libelle: "Frais de séjour", poste: "hospi.frais-sejour", valeurs: [TM, "150 % BR", "200 % BR"] },
    { texte: "Honoraires médicaux et chirurgicaux" },
    { libelle: "Médecins adhérents OPTAM / OPTAM-CO", poste: "hospi.honoraires.optam", valeurs: [TM, "175 % BR", "250 % BR"] },
    { libelle: "Médecins non adhérents OPTAM / OPTAM-CO", poste: "hospi.honoraires.non-optam", valeurs: [TM, "155 % BR", "200 % BR"] },
    { libelle: "Forfait journalier hospitalier", poste: "hospi.forfait-journalier", valeurs: trois(FR) },
    { libelle: "Participation forfaitaire actes lourds", poste: "hospi.forfait-actes-lourds", valeurs: trois(FR) },
    { libelle: "Chambre particulière (par nuit)", poste: "hospi.chambre-particuliere", valeurs: ["40 € / nuit", "60 € / nuit", "2 % PMSS / nuit"] },
    { libelle: "Chambre particulière en ambulatoire", poste: "hospi.chambre-particuliere.ambulatoire", valeurs: [N, "15 € / jour", "25 € / jour"] },
    { libelle: "Lit d'accompagnant (enfant de moins de 16 ans)", poste: "hospi.lit-accompagnant", valeurs: ["20 € / nuit", "30 € / nuit", "40 € / nuit"] },
    { libelle: "Forfait patient urgences", poste: "hospi.fpu", valeurs: trois(FR) },
    { section: "SOINS COURANTS" },
    { libelle: "Consultations et visites généraliste — adhérents OPTAM / OPTAM-CO", poste: "soins.generaliste.optam", valeurs: [TM, pc(150), pc(200)] },
    { libelle: "Consultations et visites généraliste — non adhérents OPTAM / OPTAM-CO", poste: "soins.generaliste.non-optam", valeurs: [TM, pc(130), pc(180)] },
    { libelle: "Consultations et visites spécialiste — adhérents OPTAM / OPTAM-CO", poste: "soins.specialiste.optam", valeurs: [TM, pc(175), pc(250)] },
    { libelle: "Consultations et visites spécialiste — non adhérents OPTAM / OPTAM-CO", poste: "soins.specialiste.non-optam", valeurs: [TM, pc(155), pc(200)] },
    {
      libelle: "Actes techniques médicaux et petite chirurgie — adhérents OPTAM / OPTAM-CO",
      poste: "soins.actes-techniques.optam",
      valeurs: [TM, pc(150), pc(200)],
    },
    {
      libelle: "Actes techniques médicaux et petite chirurgie — non adhérents OPTAM / OPTAM-CO",
      poste: "soins.actes-techniques.non-optam",
      valeurs: [TM, pc(130), pc(180)],
    },
    { libelle: "Imagerie médicale, radiologie — adhérents OPTAM / OPTAM-CO", poste: "soins.imagerie.optam", valeurs: [TM, pc(125), pc(200)] },
    { libelle: "Imagerie médicale, radiologie — non adhérents OPTAM / OPTAM-CO", poste: "soins.imagerie.non-optam", valeurs: [TM, pc(105), pc(180)] },
    { libelle: "Auxiliaires médicaux (infirmiers, kinésithérapeutes, orthophonistes…)", poste: "soins.auxiliaires", valeurs: [TM, TM, pc(150)] },
    { libelle: "Analyses et examens de biologie médicale", poste: "soins.biologie", valeurs: [TM, TM, pc(125)] },
    { libelle: "Matériel médical, orthopédie, petit appareillage", poste: "soins.materiel-medical", valeurs: [TM, pc(150), pc(200)] },
    { libelle: "Transport sanitaire remboursé", poste: "soins.transport", valeurs: trois(TM) },
    { libelle: "Prothèses capillaires 100 % Santé", poste: "autres.protheses-capillaires.100-sante", valeurs: trois(PLV) },
    { texte: "Pharmacie" },
    { libelle: "Médicaments remboursés à 65 %", poste: "soins.pharmacie.65", valeurs: trois(TM) },
    { libelle: "Médicaments remboursés à 30 %", poste: "soins.pharmacie.30", valeurs: trois(TM) },
    { libelle: "Médicaments remboursés à 15 %", poste: "soins.pharmacie.15", valeurs: [N, TM, TM] },
    { libelle: "Médicaments prescrits non remboursés", poste: "soins.pharmacie.non-remboursee", valeurs: [N, "30 € / an", "60 € / an"] },
    { section: "DENTAIRE" },
    { libelle: "Soins dentaires (consultations, détartrage, soins conservateurs)", poste: "dentaire.soins", valeurs: [TM, TM, "125 % BR"] },
    { libelle: "Prothèses dentaires 100 % Santé", poste: "dentaire.protheses.100-sante", valeurs: trois(HLF) },
    { libelle: "Prothèses dentaires à tarifs maîtrisés", poste: "dentaire.protheses.maitrise", valeurs: ["125 % BR", "250 % BR", "350 % BR"] },
    { libelle: "Prothèses dentaires à tarifs libres", poste: "dentaire.protheses.libre", valeurs: ["125 % BR", "250 % BR", "400 % BR"] },
    { libelle: "Orthodontie remboursée (moins de 16 ans)", poste: "dentaire.orthodontie.remboursee", valeurs: ["125 % BR", "200 % BR", "300 % BR"] },
    { libelle: "Orthodontie non remboursée", poste: "dentaire.orthodontie.non-remboursee", valeurs: [N, "150 € / an", "300 € / an"] },
    { libelle: "Implantologie", poste: "dentaire.implants", valeurs: [N, "300 € / an", "600 € / an"] },
    { libelle: "Parodontologie", poste: "dentaire.parodontologie", valeurs: [N, "100 € / an", "200 € / an"] },
    { section: "OPTIQUE" },
    { libelle: "Équipement 100 % Santé (classe A)", poste: "optique.equipement.100-sante", valeurs: trois(PLV) },
    { texte: "Équipements hors 100 % Santé (classe B), monture comprise (1)" },
    { libelle: "Deux verres simples", poste: "optique.equipement.a", valeurs: ["100 €", "250 €", eur(420)] },
    { libelle: "Un verre simple et un verre complexe", poste: "optique.equipement.b", valeurs: ["150 €", "325 €", eur(560)] },
    { libelle: "Deux verres complexes", poste: "optique.equipement.c", valeurs: ["200 €", "400 €", eur(700)] },
    { libelle: "Un verre simple et un verre très complexe", poste: "optique.equipement.d", valeurs: ["150 €", "350 €", eur(610)] },
    { libelle: "Un verre complexe et un verre très complexe", poste: "optique.equipement.e", valeurs: ["200 €", "425 €", eur(750)] },
    { libelle: "Deux verres très complexes", poste: "optique.equipement.f", valeurs: ["200 €", "450 €", eur(800)] },
    { libelle: "Dont monture", poste: "optique.monture", valeurs: ["50 €", "80 €", eur(100)] },
    {
      libelle: "Lentilles remboursées par la Sécurité sociale",
      poste: "optique.lentilles.remboursees",
      valeurs: [TM, "100 % BR + 100 € / an", "100 % BR + 200 € / an"],
    },
    { libelle: "Lentilles non remboursées (y compris jetables)", poste: "optique.lentilles.non-remboursees", valeurs: [N, "100 € / an", "200 € / an"] },
    { libelle: "Chirurgie réfractive", poste: "optique.chirurgie-refractive", valeurs: [N, "200 € / an", "400 € / an"] },
    { section: "AIDES AUDITIVES" },
    { libelle: "Aides auditives 100 % Santé (classe I)", poste: "audio.classe-1", valeurs: trois(PLV) },
    {
      libelle: "Aides auditives hors 100 % Santé (classe II)",
      poste: "audio.classe-2",
      valeurs: [TM, "100 % BR + 300 € / oreille", "Frais réels dans la limite de 1 700 € / oreille"],
    },
    { libelle: "Piles et accessoires", poste: "audio.accessoires", valeurs: trois(TM) },
    { section: "PRÉVENTION ET MÉDECINES DOUCES" },
    { libelle: "Actes de prévention remboursés", poste: "prevention.actes-responsables", valeurs: trois(TM) },
    {
      libelle: "Ostéopathie, chiropractie, acupuncture, étiopathie",
      poste: "prevention.medecines-douces",
      valeurs: [N, "30 € / séance (max 3 séances / an)", "40 € / séance (max 4 / an)"],
    },
    { libelle: "Vaccins non remboursés", poste: "prevention.vaccins", valeurs: [N, "30 € / an", "50 € / an"] },
    { libelle: "Sevrage tabagique", poste: "prevention.sevrage-tabagique", valeurs: [N, "50 € / an", "100 € / an"] },
    {
      texte:
        "BR : base de remboursement de la Sécurité sociale. PLV : prix limite de vente. HLF : honoraires limites de facturation. PMSS : plafond mensuel de la Sécurité sociale (4 005 € en 2026).",
    },
    {
      texte:
        "(1) Un équipement (2 verres + 1 monture) tous les 2 ans ; tous les ans pour les moins de 16 ans ou en cas d'évolution de la vue. Aides auditives : une aide par oreille tous les 4 ans.",
    },
  ],
  alertes: [],
};

// ——— erreurs: one kind of error per planted cell (documented in test/fixtures/responsable/erreurs.json) ———

const ERREURS: GrilleExemple = {
  nom: "erreurs",
  dateEffet: "2026-04-01",
  feuille: "Tableau de garanties",
  largeur: 4,
  rangees: [
    { titre: "Mutuelle des Tilleuls — Garanties santé individuelles" },
    { titre: "Garanties applicables à compter du 1er avril 2026 — contrat responsable" },
    { entete: ["Postes de garanties", "Essentiel", "Confort", "Premium"] },
    { section: "HOSPITALISATION" },
    { libelle: "Frais de séjour", poste: "hospi.frais-sejour", valeurs: [TM, "125 % BR", "150 % BR"] },
    { libelle: "Actes de chirurgie et d'anesthésie — adhérents OPTAM / OPTAM-CO", poste: "hospi.honoraires.optam", valeurs: [TM, "150 % BR", "200 % BR"] },
    {
      libelle: "Actes de chirurgie et d'anesthésie — non adhérents OPTAM / OPTAM-CO",
      poste: "hospi.honoraires.non-optam",
      valeurs: [TM, "130 % BR", "180 % BR"],
    },
    // Planted: 20 € a day, below the 23 € forfait journalier in force since 2026-03-01 (Essentiel).
    { libelle: "Forfait journalier hospitalier", poste: "hospi.forfait-journalier", valeurs: ["20 € / jour", FR, FR] },
    // Planted: a day limit (Confort).
    { libelle: "Forfait journalier en psychiatrie", poste: "hospi.forfait-journalier.psy", valeurs: [FR, "17 € / jour (max 60 jours / an)", FR] },
    { libelle: "Chambre particulière", poste: "hospi.chambre-particuliere", valeurs: ["30 € / nuit", "50 € / nuit", "70 € / nuit"] },
    // Planted: FPU not covered (Essentiel), a ⚠ rule.
    { libelle: "Forfait patient urgences", poste: "hospi.fpu", valeurs: [N, FR, FR] },
    { section: "SOINS COURANTS" },
    { libelle: "Consultations généraliste OPTAM / OPTAM-CO", poste: "soins.generaliste.optam", valeurs: [TM, "150 % BR", "200 % BR"] },
    { libelle: "Consultations généraliste non OPTAM", poste: "soins.generaliste.non-optam", valeurs: [TM, "130 % BR", "180 % BR"] },
    { libelle: "Consultations spécialiste OPTAM / OPTAM-CO", poste: "soins.specialiste.optam", valeurs: [TM, "150 % BR", "200 % BR"] },
    // Planted: non-OPTAM as much as OPTAM (Confort: at most 130 % BR).
    { libelle: "Consultations spécialiste non OPTAM", poste: "soins.specialiste.non-optam", valeurs: [TM, "150 % BR", "180 % BR"] },
    // Planted: one line for every radiologist, dépassements covered (Premium).
    { libelle: "Radiologie, imagerie médicale, échographie", poste: "soins.imagerie", valeurs: [TM, TM, "150 % BR"] },
    { libelle: "Auxiliaires médicaux", poste: "soins.auxiliaires", valeurs: trois(TM) },
    // Planted: TM not covered (Essentiel).
    { libelle: "Analyses et examens de laboratoire", poste: "soins.biologie", valeurs: ["90 % BR", TM, TM] },
    // Planted: TM not covered at all (Essentiel).
    { libelle: "Transport sanitaire", poste: "soins.transport", valeurs: [N, TM, TM] },
    { libelle: "Médicaments remboursés à 65 %", poste: "soins.pharmacie.65", valeurs: trois(TM) },
    // Trap: allowed, R160-5 6° and 14° (no finding).
    { libelle: "Médicaments remboursés à 30 %", poste: "soins.pharmacie.30", valeurs: [N, N, TM] },
    { libelle: "Médicaments remboursés à 15 %", poste: "soins.pharmacie.15", valeurs: trois(N) },
    // Planted: a label no poste matches.
    { libelle: "Cryothérapie", poste: null, valeurs: [N, "30 € / séance (max 3 séances / an)", "30 € / séance (max 5 séances / an)"] },
    { section: "DENTAIRE" },
    // Planted: a bare number without format (Premium), read as 150 % BR with an alert.
    { libelle: "Soins dentaires", poste: "dentaire.soins", valeurs: [TM, "125 % BR", nb(150)] },
    // Planted: 300 % BR = 360 € on a 120 € crown, below the 515 € HLF of a CCM crown (Essentiel).
    { libelle: "Prothèses dentaires 100 % Santé", poste: "dentaire.protheses.100-sante", valeurs: ["300 % BR", HLF, HLF] },
    { libelle: "Prothèses dentaires à tarifs maîtrisés", poste: "dentaire.protheses.maitrise", valeurs: ["125 % BR", "200 % BR", "300 % BR"] },
    // Planted: unreadable cell (Confort).
    { libelle: "Prothèses dentaires à tarifs libres", poste: "dentaire.protheses.libre", valeurs: ["125 % BR", "150 % BX", "300 % BR"] },
    { libelle: "Orthodontie remboursée", poste: "dentaire.orthodontie.remboursee", valeurs: [TM, "200 % BR", "250 % BR"] },
    { libelle: "Implantologie", poste: "dentaire.implants", valeurs: [N, "200 € / an", "400 € / an"] },
    { section: "OPTIQUE" },
    // Planted: 100 % Santé limited to the BR (Essentiel).
    { libelle: "Équipement 100 % Santé", poste: "optique.equipement.100-sante", valeurs: [TM, PLV, PLV] },
    // Planted: one equipment a year for everyone (Confort); 450 € above the 420 € cap of category a (Premium).
    { libelle: "Équipement verres simples", poste: "optique.equipement.a", valeurs: ["100 €", "200 € / équipement (max 1 équipement / an)", "450 €"] },
    // Planted: 150 € beyond the TM but below the 200 € floor of category c (Essentiel).
    { libelle: "Équipement verres complexes", poste: "optique.equipement.c", valeurs: ["150 €", "400 €", "700 €"] },
    // Planted: « Frais réels » on classe B, above every cap (Premium).
    { libelle: "Équipement verres très complexes", poste: "optique.equipement.f", valeurs: ["200 €", "500 €", FR] },
    // Planted: frame above 100 € (Premium).
    { libelle: "Monture", poste: "optique.monture", valeurs: ["50 €", "100 €", "150 €"] },
    { section: "AIDES AUDITIVES" },
    { libelle: "Aides auditives 100 % Santé (classe I)", poste: "audio.classe-1", valeurs: trois(PLV) },
    // Planted: 2 000 € a ear (Confort) and « Frais réels » (Premium), above the 1 700 € cap.
    { libelle: "Aides auditives hors 100 % Santé (classe II)", poste: "audio.classe-2", valeurs: [TM, "2 000 € / oreille", FR] },
    { section: "MÉDECINES DOUCES" },
    { libelle: "Ostéopathie", poste: "prevention.osteopathie", valeurs: [N, "30 € / séance (max 3 séances / an)", "50 € / séance (max 4 séances / an)"] },
  ],
  alertes: [
    { code: "LIBELLE_INCONNU", adresse: "A24", gravite: "alerte" },
    { code: "NOMBRE_AMBIGU", adresse: "D26", gravite: "alerte" },
    { code: "GARANTIE_ILLISIBLE", adresse: "C29", gravite: "alerte" },
  ],
};

// ——— base-options: a socle and two options « en complément de la base » (docs/modele-de-calcul.md §6) ———

const OPT = "-";

const BASE_OPTIONS: GrilleExemple = {
  nom: "base-options",
  dateEffet: "2026-01-01",
  feuille: "Sérénité 2026",
  largeur: 4,
  rangees: [
    { titre: "Gamme Sérénité — Base et options 2026" },
    { titre: "Date d'effet : 01/01/2026 — contrat responsable et solidaire" },
    { titre: "Base : remboursements Sécurité sociale incluse. Options : montants qui s'ajoutent aux remboursements de la base." },
    { entete: ["Garanties", "Base", "Option 1 (en complément de la base)", "Option 2 (en complément de la base)"] },
    { section: "HOSPITALISATION" },
    { libelle: "Frais de séjour", poste: "hospi.frais-sejour", valeurs: [TM, OPT, "50 % BR"] },
    { libelle: "Honoraires médicaux et chirurgicaux — OPTAM / OPTAM-CO", poste: "hospi.honoraires.optam", valeurs: ["150 % BR", "50 % BR", "100 % BR"] },
    { libelle: "Honoraires médicaux et chirurgicaux — hors OPTAM", poste: "hospi.honoraires.non-optam", valeurs: ["130 % BR", "50 % BR", "70 % BR"] },
    { libelle: "Forfait journalier hospitalier", poste: "hospi.forfait-journalier", valeurs: [FR, OPT, OPT] },
    { libelle: "Chambre particulière", poste: "hospi.chambre-particuliere", valeurs: ["40 € / nuit", "20 € / nuit", "40 € / nuit"] },
    { libelle: "Forfait patient urgences", poste: "hospi.fpu", valeurs: [FR, OPT, OPT] },
    { section: "SOINS COURANTS" },
    { libelle: "Consultations généraliste OPTAM / OPTAM-CO", poste: "soins.generaliste.optam", valeurs: [TM, "20 % BR", "50 % BR"] },
    { libelle: "Consultations généraliste hors OPTAM", poste: "soins.generaliste.non-optam", valeurs: [TM, OPT, "30 % BR"] },
    { libelle: "Consultations spécialiste OPTAM / OPTAM-CO", poste: "soins.specialiste.optam", valeurs: ["150 % BR", "50 % BR", "100 % BR"] },
    // Planted: base 130 % (≤ 130 %) and Option 1 total 180 % (≤ 180 %) are fine; Option 2 total 230 % > 200 %.
    { libelle: "Consultations spécialiste hors OPTAM", poste: "soins.specialiste.non-optam", valeurs: ["130 % BR", "50 % BR", "100 % BR"] },
    { libelle: "Auxiliaires médicaux", poste: "soins.auxiliaires", valeurs: [TM, OPT, "25 % BR"] },
    { libelle: "Analyses et examens de laboratoire", poste: "soins.biologie", valeurs: [TM, OPT, OPT] },
    { libelle: "Pharmacie (médicaments remboursés)", poste: "soins.pharmacie", valeurs: [TM, OPT, OPT] },
    { libelle: "Transport sanitaire", poste: "soins.transport", valeurs: [TM, OPT, OPT] },
    { section: "DENTAIRE" },
    { libelle: "Soins dentaires", poste: "dentaire.soins", valeurs: [TM, OPT, "25 % BR"] },
    { libelle: "Prothèses dentaires 100 % Santé", poste: "dentaire.protheses.100-sante", valeurs: [HLF, OPT, OPT] },
    { libelle: "Prothèses dentaires hors 100 % Santé", poste: "dentaire.protheses.hors-100-sante", valeurs: ["125 % BR", "100 % BR", "200 % BR"] },
    { libelle: "Orthodontie remboursée", poste: "dentaire.orthodontie.remboursee", valeurs: ["125 % BR", "75 % BR", "150 % BR"] },
    { libelle: "Implantologie", poste: "dentaire.implants", valeurs: [N, "200 € / an", "400 € / an"] },
    { section: "OPTIQUE" },
    { libelle: "Équipement 100 % Santé", poste: "optique.equipement.100-sante", valeurs: [PLV, OPT, OPT] },
    // Planted: 150 € + 300 € = 450 € > 420 € (Option 2).
    { libelle: "Équipement verres simples", poste: "optique.equipement.a", valeurs: [eur(150), eur(100), eur(300)] },
    { libelle: "Équipement verres complexes", poste: "optique.equipement.c", valeurs: [eur(200), eur(150), eur(300)] },
    { libelle: "Équipement verres très complexes", poste: "optique.equipement.f", valeurs: [eur(250), eur(150), eur(350)] },
    // Planted: 60 € + 80 € = 140 € > 100 € (Option 2).
    { libelle: "Dont monture", poste: "optique.monture", valeurs: [eur(60), eur(40), eur(80)] },
    { libelle: "Lentilles prises en charge par la Sécurité sociale", poste: "optique.lentilles.remboursees", valeurs: [TM, "50 € / an", "100 € / an"] },
    { section: "AIDES AUDITIVES" },
    { libelle: "Aides auditives 100 % Santé (classe I)", poste: "audio.classe-1", valeurs: [PLV, OPT, OPT] },
    // Planted: 400 € + 200 € + 1 200 € = 1 800 € > 1 700 € for an adult (2 800 € under 20) (Option 2).
    {
      libelle: "Aides auditives hors 100 % Santé (classe II)",
      poste: "audio.classe-2",
      valeurs: ["100 % BR + 200 € / oreille", "100 € / oreille", "1 200 € / oreille"],
    },
    { section: "MÉDECINES DOUCES" },
    {
      libelle: "Ostéopathie, chiropractie, étiopathie",
      poste: "prevention.medecines-douces",
      valeurs: [N, "25 € / séance (max 2 séances / an)", "40 € / séance (max 4 séances / an)"],
    },
  ],
  alertes: [],
};

// ——— reseau: réseau / hors réseau columns per level (two-row header, docs/modele-de-calcul.md §13) ———

const RESEAU: GrilleExemple = {
  nom: "reseau",
  dateEffet: "2026-01-01",
  feuille: "Garanties",
  largeur: 5,
  rangees: [
    { titre: "Santé Partenaires — Garanties 2026 avec le réseau Kalixia" },
    { titre: "Date d'effet : 01/01/2026 — contrat responsable" },
    {
      entete: ["Garanties", "Niveau 1", "", "Niveau 2", ""],
      fusions: [
        [1, 2],
        [3, 4],
      ],
    },
    { entete: ["", "Réseau Kalixia", "Hors réseau", "Réseau Kalixia", "Hors réseau"] },
    { section: "HOSPITALISATION" },
    { libelle: "Frais de séjour", poste: "hospi.frais-sejour", valeurs: [TM, TM, "150 % BR", "150 % BR"] },
    { libelle: "Honoraires médicaux et chirurgicaux — OPTAM / OPTAM-CO", poste: "hospi.honoraires.optam", valeurs: [TM, TM, pc(200), pc(200)] },
    { libelle: "Honoraires médicaux et chirurgicaux — hors OPTAM", poste: "hospi.honoraires.non-optam", valeurs: [TM, TM, pc(180), pc(180)] },
    { libelle: "Forfait journalier hospitalier", poste: "hospi.forfait-journalier", valeurs: [FR, FR, FR, FR] },
    { libelle: "Chambre particulière", poste: "hospi.chambre-particuliere", valeurs: ["40 € / nuit", "40 € / nuit", "70 € / nuit", "70 € / nuit"] },
    { libelle: "Forfait patient urgences", poste: "hospi.fpu", valeurs: [FR, FR, FR, FR] },
    { section: "SOINS COURANTS" },
    { libelle: "Consultations généraliste OPTAM / OPTAM-CO", poste: "soins.generaliste.optam", valeurs: [TM, TM, pc(200), pc(200)] },
    { libelle: "Consultations généraliste hors OPTAM", poste: "soins.generaliste.non-optam", valeurs: [TM, TM, pc(180), pc(180)] },
    // Planted: a doctor's consultation better in réseau (Niveau 2), forbidden by L863-8.
    { libelle: "Consultations spécialiste OPTAM / OPTAM-CO", poste: "soins.specialiste.optam", valeurs: [TM, TM, pc(250), pc(200)] },
    { libelle: "Consultations spécialiste hors OPTAM", poste: "soins.specialiste.non-optam", valeurs: [TM, TM, pc(180), pc(180)] },
    { libelle: "Auxiliaires médicaux", poste: "soins.auxiliaires", valeurs: [TM, TM, TM, TM] },
    { libelle: "Analyses et examens de laboratoire", poste: "soins.biologie", valeurs: [TM, TM, TM, TM] },
    { libelle: "Pharmacie (médicaments remboursés)", poste: "soins.pharmacie", valeurs: [TM, TM, TM, TM] },
    { section: "DENTAIRE" },
    { libelle: "Soins dentaires", poste: "dentaire.soins", valeurs: [TM, TM, "125 % BR", "125 % BR"] },
    { libelle: "Prothèses dentaires 100 % Santé", poste: "dentaire.protheses.100-sante", valeurs: [HLF, HLF, HLF, HLF] },
    { libelle: "Prothèses dentaires hors 100 % Santé", poste: "dentaire.protheses.hors-100-sante", valeurs: ["200 % BR", "150 % BR", "350 % BR", "300 % BR"] },
    { libelle: "Implantologie", poste: "dentaire.implants", valeurs: ["200 € / an", "150 € / an", "500 € / an", "400 € / an"] },
    { section: "OPTIQUE" },
    { libelle: "Équipement 100 % Santé", poste: "optique.equipement.100-sante", valeurs: [PLV, PLV, PLV, PLV] },
    { libelle: "Équipement verres simples", poste: "optique.equipement.a", valeurs: ["150 €", "100 €", "300 €", "250 €"] },
    { libelle: "Équipement verres complexes", poste: "optique.equipement.c", valeurs: ["300 €", "250 €", "550 €", "450 €"] },
    { libelle: "Équipement verres très complexes", poste: "optique.equipement.f", valeurs: ["350 €", "300 €", "650 €", "550 €"] },
    { libelle: "Dont monture", poste: "optique.monture", valeurs: ["100 €", "80 €", "100 €", "100 €"] },
    { section: "AIDES AUDITIVES" },
    { libelle: "Aides auditives 100 % Santé (classe I)", poste: "audio.classe-1", valeurs: [PLV, PLV, PLV, PLV] },
    {
      libelle: "Aides auditives hors 100 % Santé (classe II)",
      poste: "audio.classe-2",
      valeurs: ["100 % BR + 300 € / oreille", "100 % BR + 200 € / oreille", "Frais réels dans la limite de 1 700 € / oreille", "100 % BR + 300 € / oreille"],
    },
    { section: "MÉDECINES DOUCES" },
    {
      libelle: "Ostéopathie",
      poste: "prevention.osteopathie",
      valeurs: [
        "40 € / séance (max 3 séances / an)",
        "30 € / séance (max 3 séances / an)",
        "60 € / séance (max 4 séances / an)",
        "45 € / séance (max 4 séances / an)",
      ],
    },
  ],
  alertes: [],
};

export const GRILLES_EXEMPLES: readonly GrilleExemple[] = [CONFORME, ERREURS, BASE_OPTIONS, RESEAU];

// ——— writers ———

/** The text French Excel shows (and saves in a CSV) for a value. */
export function texteValeur(v: Valeur): string {
  if (typeof v === "string") return v;
  if ("pourcent" in v) return `${String(v.pourcent).replace(".", ",")} %`;
  if ("nombre" in v) return String(v.nombre).replace(".", ",");
  return `${String(v.euros).replace(".", ",")} €`;
}

function champCsv(t: string): string {
  return /[;"\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The rows of the table as texts, one per column (merged cells only in their first cell, as Excel saves a CSV). */
export function lignesTexte(g: GrilleExemple): string[][] {
  return g.rangees.map((r) => {
    const ligne = new Array<string>(g.largeur).fill("");
    if ("titre" in r) ligne[0] = r.titre;
    else if ("section" in r) ligne[0] = r.section;
    else if ("texte" in r) ligne[0] = r.texte;
    else if ("entete" in r) r.entete.forEach((t, i) => (ligne[i] = t));
    else {
      ligne[0] = r.libelle;
      r.valeurs.forEach((v, i) => (ligne[i + 1] = texteValeur(v)));
    }
    return ligne;
  });
}

/** The CSV bytes: UTF-8 with BOM, « ; », CRLF, every row as wide as the table (French Excel « CSV UTF-8 »). */
export function csvExemple(g: GrilleExemple): Uint8Array {
  const texte = lignesTexte(g)
    .map((l) => l.map(champCsv).join(";"))
    .join("\r\n");
  return new TextEncoder().encode(`\ufeff${texte}\r\n`);
}

const FORMAT_POURCENT = "0%";
const FORMAT_EUROS = '#,##0 "€"';

export async function xlsxExemple(g: GrilleExemple): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "REMB";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(g.feuille);
  ws.getColumn(1).width = 70;
  for (let c = 2; c <= g.largeur; c++) ws.getColumn(c).width = 26;
  g.rangees.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    if ("titre" in r || "section" in r) {
      const t = "titre" in r ? r.titre : r.section;
      row.getCell(1).value = t;
      ws.mergeCells(i + 1, 1, i + 1, g.largeur);
      row.getCell(1).font = { bold: true, ...("section" in r ? { color: { argb: "FFFFFFFF" } } : {}) };
      if ("section" in r) row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
    } else if ("texte" in r) {
      row.getCell(1).value = r.texte;
      row.getCell(1).font = { italic: true };
    } else if ("entete" in r) {
      r.entete.forEach((t, c) => {
        if (t !== "") row.getCell(c + 1).value = t;
        row.getCell(c + 1).font = { bold: true };
        row.getCell(c + 1).alignment = { horizontal: "center" };
      });
      for (const [de, a] of r.fusions ?? []) ws.mergeCells(i + 1, de + 1, i + 1, a + 1);
    } else {
      row.getCell(1).value = r.libelle;
      r.valeurs.forEach((v, c) => {
        const cell = row.getCell(c + 2);
        cell.alignment = { horizontal: "center" };
        if (typeof v === "string") cell.value = v;
        else if ("pourcent" in v) {
          cell.value = v.pourcent / 100;
          cell.numFmt = FORMAT_POURCENT;
        } else if ("nombre" in v) {
          cell.value = v.nombre;
        } else {
          cell.value = v.euros;
          cell.numFmt = FORMAT_EUROS;
        }
      });
    }
  });
  return horodatageFixe(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** 2026-01-01 00:00 as an MS-DOS time and date (the ZIP format's). */
const HEURE_DOS = 0;
const DATE_DOS = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * The same workbook always gives the same bytes: the ZIP entries carry their creation time, which is set here to
 * 2026-01-01 in the central directory and in each local header (found through the central directory), so that
 * regenerating an unchanged sample does not change the committed file.
 */
function horodatageFixe(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let fin = zip.length - 22;
  while (fin >= 0 && v.getUint32(fin, true) !== 0x06054b50) fin--;
  if (fin < 0) throw new Error("XLSX : fin du répertoire central introuvable");
  const entrees = v.getUint16(fin + 10, true);
  let p = v.getUint32(fin + 16, true);
  for (let i = 0; i < entrees; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error("XLSX : entrée du répertoire central invalide");
    v.setUint16(p + 12, HEURE_DOS, true);
    v.setUint16(p + 14, DATE_DOS, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error("XLSX : en-tête local invalide");
    v.setUint16(local + 10, HEURE_DOS, true);
    v.setUint16(local + 12, DATE_DOS, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return zip;
}

async function principal(): Promise<void> {
  for (const g of GRILLES_EXEMPLES) {
    const base = new URL(`../assets/grilles/${g.nom}`, import.meta.url);
    writeFileSync(`${base.pathname}.csv`, csvExemple(g));
    writeFileSync(`${base.pathname}.xlsx`, await xlsxExemple(g));
    console.log(`assets/grilles/${g.nom}.csv, .xlsx`);
  }
}

if (process.argv[1] && /grilles-exemples\.ts$/.test(process.argv[1])) {
  principal().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
