/**
 * The issue's reference grid for validation speed: a realistic 120-line × 6-level table (harmonised labels, section
 * rows, varied cells, every kind of rule exercised), as Excel would give it.
 */
export function grille120x6(): unknown[][] {
  const libelles = [
    "Frais de séjour",
    "Forfait journalier hospitalier",
    "Chambre particulière",
    "Honoraires chirurgicaux OPTAM",
    "Honoraires chirurgicaux non OPTAM",
    "Consultation généraliste OPTAM",
    "Consultation généraliste non OPTAM",
    "Consultation spécialiste OPTAM",
    "Consultation spécialiste non OPTAM",
    "Auxiliaires médicaux",
    "Analyses et examens de laboratoire",
    "Médicaments remboursés à 65 %",
    "Soins dentaires",
    "Prothèses dentaires 100 % Santé",
    "Prothèses à tarifs libres",
    "Équipement 100 % Santé",
    "Verres simples",
    "Verres complexes",
    "Monture",
    "Aides auditives classe II",
  ];
  const cellules = ["100 % BR", "150 % BR", "200 % BR + 50 € / an", "Frais réels", "60 € / nuit", "1,5 % PMSS / jour", "300 € / 2 ans", "-", "Néant"];
  const t: unknown[][] = [["Tableau des garanties 2026"], ["Garanties", "Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4", "Niveau 5", "Niveau 6"]];
  for (let i = 0; i < 120; i++) {
    if (i % 20 === 0) t.push([["HOSPITALISATION", "SOINS COURANTS", "DENTAIRE", "OPTIQUE", "AIDES AUDITIVES", "PRÉVENTION"][(i / 20) % 6]]);
    t.push([`${libelles[i % libelles.length]}${i >= 20 ? ` (${i})` : ""}`, ...Array.from({ length: 6 }, (_, k) => cellules[(i + k) % cellules.length])]);
  }
  return t;
}
