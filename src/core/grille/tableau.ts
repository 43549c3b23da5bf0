import { ConventionsRo } from "./convention-ro";
import { validerCorrections } from "./corrections";
import { construireNiveaux } from "./construire-niveaux";
import { colonnesLibelle, reperer, trouverEntete, type EnteteTrouve } from "./disposition";
import { erreur, Feuille } from "./feuille";
import { LecteurLignes } from "./lignes";
import type { Grille, OptionsImport, SourceGrille } from "./modele";
import { dateEffet, lireTitres } from "./titres";
import { plier } from "../texte/plier";

/**
 * Reads a guarantee grid from a 2-D array of cells as Excel gives them (numbers, text, booleans, null or "";
 * Date objects and exceljs rich text / formula objects are accepted too). Layout found automatically:
 * title rows, the header row(s) with the level names (a level row above a réseau / hors réseau row is joined),
 * an optional units row (« en % BR »), section rows (« OPTIQUE ») and sub-heading rows (a label with no value),
 * then one line per poste. See docs/format-grille.md.
 *
 * Throws a RembError (French message) when no grid can be read: empty table, no guarantee column, no header,
 * a level column without a name (merged header), two levels with the same name, oversized input.
 * Everything else (unknown label, unparseable cell, ambiguous number, hostile text) is kept and reported in
 * `grille.alertes`.
 */
export function grilleDepuisTableau(cellules: readonly (readonly unknown[])[], options: OptionsImport = {}): Grille {
  return importerTableau(cellules, options, { format: "tableau" });
}

/** Same as grilleDepuisTableau, for the CSV and XLSX readers, which know more about the source. */
export function importerTableau(cellules: readonly (readonly unknown[])[], options: OptionsImport, source: SourceGrille): Grille {
  return importer(cellules, options, source);
}

/**
 * The import in its order: the sheet's values; where the grid is; its header and levels; its title rows; the RO
 * conventions it states once; its lines.
 */
function importer(cellules: readonly (readonly unknown[])[], options: OptionsImport, source: SourceGrille): Grille {
  const f = new Feuille(cellules, options);
  const corrections = options.corrections === undefined ? undefined : validerCorrections(options.corrections);
  const { colonnesDonnees, lignesDonnees } = reperer(f);
  // The first row with a label and a value may be a title row (« Date d'effet | 46023 » from the Office JS range values,
  // which gives dates as bare serials): the first one with a header above it starts the grid.
  let entete: EnteteTrouve | null = null;
  for (const [i, r] of lignesDonnees.entries()) {
    entete = trouverEntete(f, colonnesDonnees, r, i > 0);
    if (entete) break;
  }
  if (!entete) {
    throw erreur(
      `Aucune ligne d'en-tête trouvée au-dessus de la première ligne de garanties (ligne ${f.origine.ligne + lignesDonnees[0]!}) : ` +
        "une ligne doit nommer les niveaux (« Niveau 1 », « Base », « Option 1 », « Réseau »…) au-dessus des garanties.",
    );
  }
  const niveaux = construireNiveaux(f, entete.colonnes, entete.lignes);
  const libelles = colonnesLibelle(f, entete.colonnes, entete.lignes);
  const titres = lireTitres(f, entete.lignes[0]!, libelles.colonnes);
  const conventions = new ConventionsRo(f);
  conventions.lire(entete.lignes[0]!, entete.derniere + 1, entete.colonnes, niveaux);
  // « Nature des frais », « Garanties », « Prestations »: the header's label cell, printed again above a repeated header.
  // The row just above a one-row header often carries that label (« Nature des frais | Remboursements y compris… »).
  const lignesLibelleEntete = entete.lignes[0]! > 0 ? [entete.lignes[0]! - 1, ...entete.lignes] : entete.lignes;
  const libellesEntete = new Set(lignesLibelleEntete.flatMap((r) => libelles.colonnes.map((c) => plier(f.texte(r, c)))).filter((t) => t !== ""));
  const lecteur = new LecteurLignes(f, conventions, corrections, libelles.unite);
  const lignes = lecteur.lire(entete.derniere + 1, entete.colonnes, niveaux, libelles.colonnes, entete.lignesUnites, libellesEntete);
  lecteur.signalerDoublons(lignes);
  const date = dateEffet(f, titres.dateEffet);
  const texteDate = options.dateEffet === undefined ? titres.texteDate : undefined;
  const responsable = options.responsable ?? titres.responsable;
  const nom = options.nom ?? titres.nom ?? f.origine.feuille ?? "Grille";
  const sourceLue: SourceGrille = {
    ...source,
    ...(f.origine.feuille !== undefined && source.feuille === undefined ? { feuille: f.origine.feuille } : {}),
    lignesEntete: entete.lignes.map((r) => f.origine.ligne + r),
  };
  return {
    nom,
    ...(date !== undefined ? { dateEffet: date } : {}),
    ...(date !== undefined && texteDate !== undefined ? { texteDateEffet: texteDate } : {}),
    ...(responsable !== undefined ? { responsable } : {}),
    ...(options.collectif !== undefined ? { collectif: options.collectif } : {}),
    niveaux,
    lignes,
    ...(conventions.notes.length > 0 ? { notes: conventions.notes } : {}),
    source: sourceLue,
    alertes: f.alertes,
  };
}
