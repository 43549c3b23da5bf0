import { court } from "./cellule";
import type { Feuille } from "./feuille";

/**
 * The rows above the header are read for the grid's title, date and status only (titres.ts). A row there that has a
 * label and values standing where guarantees stand is a line the header search passed over: it is reported
 * (LIGNE_NON_LUE) with its number, never dropped silently.
 */
export function signalerLignesAuDessus(f: Feuille, entete: number, colonnesDonnees: readonly number[]): void {
  const c0 = colonnesDonnees[0]!;
  for (let r = 0; r < entete; r++) {
    if (f.uniforme(r)) continue;
    let libelle: string | undefined;
    for (let c = 0; c < c0 && libelle === undefined; c++) if (f.texte(r, c) !== "") libelle = f.texte(r, c);
    if (libelle === undefined) continue;
    // A bare number that could be a date's serial (« Date d'effet | 46023 », as the Excel API gives dates) is the title's.
    const valeurs = colonnesDonnees.filter((c) => {
      const v = f.v(r, c);
      return f.semblableGarantie(r, c) && !(v.type === "nombre" && Number.isInteger(v.nombre) && v.nombre >= 20_000 && v.nombre <= 80_000);
    });
    if (valeurs.length === 0) continue;
    const numero = f.origine.ligne + r;
    f.alerte(
      "LIGNE_NON_LUE",
      "alerte",
      `Ligne ${numero} : « ${court(libelle)} » a des valeurs (« ${court(f.texte(r, valeurs[0]!))} ») mais se trouve au-dessus de l'en-tête ` +
        `(ligne ${f.origine.ligne + entete}) ; elle n'est pas lue comme une ligne de garanties. Si c'en est une, placez l'en-tête des niveaux au-dessus d'elle.`,
      { ligne: numero },
    );
  }
}

/** « La ligne 1 contient des formules en texte (« ="Niveau "&1 ») » when rows above the first values hold some. */
export function formulesAuDessus(f: Feuille, premiere: number): string {
  for (let r = 0; r <= premiere; r++) {
    const ligne = f.V[r] ?? [];
    const c = ligne.findIndex((v) => v.type === "texte" && v.nettoyage?.formule === true);
    if (c >= 0) {
      return (
        ` La ligne ${f.origine.ligne + r} contient des formules en texte (« ${court(f.texte(r, c))} ») : ` +
        "enregistrez le fichier avec les valeurs calculées plutôt que les formules."
      );
    }
  }
  return "";
}
