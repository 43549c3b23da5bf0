import { dateFr, type Jour } from "../../core/dates";
import { grilleDepuisTableau, origineDepuis } from "../../core/grille";
import { posteParCode } from "../../core/postes";
import { verifierGrille, type Constat } from "../../core/responsable";
import { lireDate } from "../coercion";
import { erreurExcel } from "../erreur-excel";
import { estVide, type ArgumentExcel, type MatriceExcel, type ValeurCellule } from "../excel";

/**
 * REMB.VERIFIER(grille; [date_soins]): the contrat-responsable findings of a grid range, as one spilled table. The
 * range is read as the task pane and the CLI read a grid (src/core/grille), with the range's real address as origin
 * so every finding points at its cell; the date is the contract date (default: the grid's printed date of effect,
 * else today). Loaded on first use (webpack chunk « verifier »): the grid reader, the postes catalogue and the
 * rules are not needed by the other functions.
 */
const ENTETE: readonly string[] = ["Gravité", "Règle", "Poste", "Libellé", "Niveau", "Valeur", "Cellule", "Message", "Référence"];

const GRAVITES: Readonly<Record<Constat["gravite"], string>> = { erreur: "Erreur", alerte: "Alerte", info: "Information" };

export function verifier(grille: ArgumentExcel, date_soins?: ArgumentExcel, adresseGrille?: string): MatriceExcel {
  try {
    const cellules = matrice(grille);
    const date = lireDateFacultative(date_soins);
    const origine = origineDeLaPlage(adresseGrille);
    const g = grilleDepuisTableau(cellules, origine === undefined ? {} : { origine });
    const r = verifierGrille(g, date === undefined ? {} : { date });
    const lignes: MatriceExcel = [[...ENTETE]];
    if (r.erreurs === 0 && r.alertes === 0) {
      lignes.push([
        "Conforme",
        "",
        "",
        g.nom,
        "",
        "",
        "",
        `Aucune erreur ni alerte au regard du contrat responsable (règles au ${dateFr(r.date)}, ${origineDate(r.origineDate)}).`,
        "L871-1, R871-1 et R871-2 CSS",
      ]);
    }
    for (const c of r.constats) lignes.push(ligne(c));
    return lignes;
  } catch (e) {
    return [[erreurExcel(e)]];
  }
}

function ligne(c: Constat): string[] {
  const poste = c.poste === null ? "" : (posteParCode(c.poste)?.libelle ?? c.poste);
  return [GRAVITES[c.gravite], c.regle, poste, c.libelle ?? "", c.niveau ?? "", c.valeur ?? "", c.adresse ?? "", c.message, c.reference];
}

function origineDate(o: "option" | "grille" | "aujourdhui"): string {
  return o === "option" ? "date donnée" : o === "grille" ? "date d'effet de la grille" : "date du jour";
}

/** The grid argument: a range arrives as a matrix; a single cell as [[v]] (not a grid, the importer says why). */
function matrice(a: ArgumentExcel): ValeurCellule[][] {
  if (Array.isArray(a)) return a as ValeurCellule[][];
  return [[a as ValeurCellule]];
}

function lireDateFacultative(a: ArgumentExcel | undefined): Jour | undefined {
  const v = Array.isArray(a) ? (a[0]?.[0] as ValeurCellule) : (a as ValeurCellule);
  return estVide(v) ? undefined : lireDate(v, "date_soins");
}

/**
 * Excel gives the range's address when the function asks for it (@requiresParameterAddresses): « Feuil1!B3:H60 »
 * or « 'Tableau 2026'!$B$3:$H$60 ». Its first cell is the origin of the A1 addresses in the findings, read by the
 * grid importer's own address parser. Without it (older Excel builds), addresses count from A1 of the range.
 */
function origineDeLaPlage(adresse: string | undefined): string | undefined {
  if (adresse === undefined || adresse === "") return undefined;
  const premiere = adresse.split(":")[0]!.replace(/\$/g, "");
  try {
    origineDepuis(premiere);
    return premiere;
  } catch {
    return undefined;
  }
}
