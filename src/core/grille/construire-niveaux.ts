import { adresseA1, lettresColonne } from "./adresse";
import type { Colonne } from "./disposition";
import { erreur, type Feuille } from "./feuille";
import type { Niveau } from "./modele";
import { analyserEntete, familleDe } from "./niveaux";
import { plier } from "../texte/plier";

/**
 * The grid's levels from its header columns: the columns set aside (Sécurité sociale's share, comments, parts of a
 * « Total »), the names made unique, the options and surcomplémentaires tied to the base they include, the
 * non-responsible levels and the doctors' sector columns. See docs/format-grille.md §2.
 */

export function construireNiveaux(f: Feuille, colonnes: readonly Colonne[], lignesEntete: readonly number[]): Niveau[] {
  const h = lignesEntete[lignesEntete.length - 1]!;
  const niveaux: Niveau[] = [];
  const vus = new Map<string, Colonne>();
  const retenues: Colonne[] = [];
  // « Sécurité sociale | Au titre du ticket modérateur | Au titre des dépassements | Total (y compris la Sécurité
  // sociale) »: a total column makes the others its parts; the total is the level.
  const total = colonnes.find((col) => /^total\b/.test(plier(col.texte)) || /\btotal\b/.test(plier(col.bas ?? "")));
  for (const col of colonnes) {
    if (total !== undefined && col !== total && (col.sansNom || PARTIE_DU_TOTAL.test(plier(col.texte)))) {
      f.alerte("COLONNE_IGNOREE", "info", `Colonne « ${col.texte} » ignorée : c'est une part du total « ${total.texte} », qui est le niveau vérifié.`, {
        adresse: adresseA1(f.origine, h, col.c),
        ligne: f.origine.ligne + h,
      });
      continue;
    }
    if (col.entete.ignorer !== undefined && !col.entete.niveau) {
      f.alerte("COLONNE_IGNOREE", "info", `Colonne « ${col.texte} » ignorée (${col.entete.ignorer}) : ce n'est pas un niveau de garanties.`, {
        adresse: adresseA1(f.origine, h, col.c),
        ligne: f.origine.ligne + h,
      });
      continue;
    }
    // « TALIS » and « TALIS + » are two levels: the sign is part of the name.
    const cle = `${plier(col.texte)}${"+".repeat((col.texte.match(/\+/g) ?? []).length)}`;
    const deja = vus.get(cle);
    if (deja) {
      const a = lettresColonne(f.origine.colonne + deja.c);
      const b = lettresColonne(f.origine.colonne + col.c);
      throw erreur(
        `Niveau « ${col.texte} » en double (colonnes ${a} et ${b}, ligne ${f.origine.ligne + h}) : chaque niveau doit avoir un nom unique. ` +
          "Un en-tête fusionné sur deux colonnes ? Ajoutez une ligne « réseau » / « hors réseau » ou renommez les colonnes.",
      );
    }
    vus.set(cle, col);
    retenues.push(col);
  }
  if (retenues.length === 0) throw erreur("Aucun niveau trouvé dans l'en-tête : toutes les colonnes ont été écartées (commentaires, taux Sécu…).");
  retenues.forEach((col, i) => {
    const e = col.entete;
    // With a two-row header, the upper row names the level and the lower row gives its variant.
    const typeHaut = col.haut !== undefined ? analyserEntete(col.haut).type : e.type;
    const type = typeHaut !== "niveau" ? typeHaut : e.type;
    const famille = e.variante ? (col.haut !== undefined ? col.haut : familleDe(col.texte)) : undefined;
    niveaux.push({
      nom: col.texte,
      rang: i + 1,
      type,
      ...(e.variante ? { variante: e.variante } : {}),
      ...(famille !== undefined ? { famille } : {}),
      colonne: col.c,
      entete: col.sansNom ? "" : col.texte,
      ...(col.sansNom ? { sansNom: true as const } : {}),
      adresse: adresseA1(f.origine, col.haut !== undefined && col.bas === undefined ? lignesEntete[0]! : h, col.c),
    });
  });
  return marquerNonResponsables(relierSocles(f, niveaux, retenues));
}

/**
 * « Surcomplémentaire non responsable » as a level's header: that level is not bound by the rules (its findings are
 * information). A « Total » level that adds it up is not either.
 */
function marquerNonResponsables(niveaux: Niveau[]): Niveau[] {
  const nr = (n: Niveau) => /\bnon responsables?\b/.test(plier(n.entete || n.nom));
  const unNonResponsable = niveaux.some(nr);
  const marques = niveaux.map((n) => (nr(n) || (unNonResponsable && /^total\b/.test(plier(n.nom))) ? { ...n, nonResponsable: true as const } : n));
  // « Signataires DPTM | Non signataires DPTM » as the columns: one level's cover of doctors' acts, split by sector.
  const secteurs = marques.map((n) => secteurDEntete(n.nom));
  if (!secteurs.includes("OPTAM") || !secteurs.includes("NON-OPTAM")) return marques;
  return marques.map((n, i) => (secteurs[i] ? { ...n, secteur: secteurs[i] } : n));
}

/** Options and surcomplémentaires include a base level (docs/modele-de-calcul.md §6): which one, and how. */
function relierSocles(f: Feuille, niveaux: Niveau[], colonnes: readonly Colonne[]): Niveau[] {
  return niveaux.map((n, i) => {
    if (n.type !== "option" && n.type !== "surcomplementaire") return n;
    const e = colonnes[i]!.entete;
    let inclus: Niveau | undefined;
    if (e.inclutTexte !== undefined) {
      const cible = e.inclutTexte;
      inclus = niveaux.find((m) => m !== n && (plier(m.nom) === cible || plier(m.famille ?? "") === cible));
      // « Option 2 = Option 1 + … » names « Option 1 (base incluse) » by its beginning.
      inclus ??= niveaux.find((m) => m !== n && (plier(m.nom).startsWith(`${cible} `) || cible.startsWith(`${plier(m.nom)} `)));
    }
    const gauche = niveaux.slice(0, i).reverse();
    inclus ??=
      gauche.find((m) => m.type === "base" && m.variante === n.variante) ??
      gauche.find((m) => m.type === "base") ??
      (n.type === "surcomplementaire" ? gauche.find((m) => m.type === "niveau" && m.variante === n.variante) : undefined);
    const ou = { ...(n.adresse ? { adresse: n.adresse } : {}), niveau: n.nom };
    if (!inclus) {
      f.alerte("CONVENTION_SOCLE_IMPLICITE", "info", `« ${n.nom} » : aucun niveau de base trouvé à sa gauche ; la colonne est lue seule.`, ou);
      return n;
    }
    const explicite = e.convention !== undefined || f.options.conventionSocle !== undefined;
    const convention = e.convention ?? f.options.conventionSocle ?? "SOCLE_INCLUS";
    if (e.convention === undefined) {
      f.alerte(
        "CONVENTION_SOCLE_IMPLICITE",
        f.options.conventionSocle !== undefined ? "info" : "alerte",
        f.options.conventionSocle !== undefined
          ? `« ${n.nom} » : lu ${convention === "SOCLE_INCLUS" ? "y compris" : "en sus de"} « ${inclus.nom} » (option d'import).`
          : `« ${n.nom} » : l'en-tête ne dit pas si la colonne inclut « ${inclus.nom} » ; lue comme un total y compris « ${inclus.nom} » et le RO ` +
              "(convention de la grille publiée au JO). Précisez « base incluse » ou « en sus de la base » dans l'en-tête.",
        ou,
      );
    }
    return { ...n, inclutNiveau: inclus.nom, convention, conventionExplicite: explicite };
  });
}

/** Headers of the columns a « Total » column adds up: the Sécurité sociale's part, the complementary's parts. */
const PARTIE_DU_TOTAL =
  /\b(au titre|dont|part|prise en charge|remboursements?|regime de branche|securite sociale|secu|complement|complementaire|depassements?|forfaits?)\b/;

/** A column header naming the doctors' sector: « Signataires DPTM », « Non adhérents OPTAM », « Hors OPTAM »… */
function secteurDEntete(nom: string): "OPTAM" | "NON-OPTAM" | undefined {
  const p = plier(nom);
  if (!/\b(dptm|dptam|optam|cas)\b/.test(p)) return undefined;
  return /\b(non|hors)\b/.test(p) ? "NON-OPTAM" : /\b(signataires?|adherents?|adherant)\b/.test(p) || /^(optam|dptm|dptam)\b/.test(p) ? "OPTAM" : undefined;
}
