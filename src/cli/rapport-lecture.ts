import type { LectureGrille, LectureLigne } from "../core/grille";
import { echapper as e } from "./echapper";
import { nombre, type Style } from "./rapport-texte";

/**
 * `remb verifier --lecture`: what REMB understood of the grid, printed after the findings. One block per line: the
 * row, the label, the poste it was attached to (with confidence and reason), then one line per level cell with its
 * printed text and its reading, or why it was not read. The auditor checks this before signing the findings.
 */
export function texteLecture(l: LectureGrille, st: Style): string[] {
  const corr =
    l.corrections.lignes + l.corrections.cellules > 0
      ? ` ; corrections appliquées : ${nombre(l.corrections.lignes, "ligne", "lignes")}, ${nombre(l.corrections.cellules, "cellule", "cellules")}`
      : "";
  const sortie = ["", st.gras(`  LECTURE — ${nombre(l.lignes.length, "ligne lue", "lignes lues")}${corr}`)];
  for (const x of l.lignes) sortie.push(...texteLigne(x, st));
  return sortie;
}

function texteLigne(x: LectureLigne, st: Style): string[] {
  const ou = [`ligne ${x.ligne}`, ...(x.adresse !== null ? [e(x.adresse)] : [])].join(" · ");
  // A poste « fournie » is the user's correction, or the JSON grid's own code.
  const donne = x.origine === "fournie" ? (/corrig/.test(x.raison) ? " (corrigé)" : " (donné par la grille)") : "";
  let quoi: string;
  if (x.nature === "attribut") quoi = `attribut du contrat ou service, non vérifié${donne}`;
  else if (x.poste === null) quoi = st.jaune(`aucun poste${donne}`);
  else {
    const c = x.origine === "fournie" ? donne : ` (confiance ${String(x.confiance).replace(".", ",")})`;
    const faible = x.origine === "libelle" && (x.confiance < 0.8 || x.ambigu.length > 0);
    const poste = `${x.poste} « ${e(x.libellePoste ?? "")} »${c}`;
    quoi = faible ? st.jaune(poste) : poste;
  }
  const l = [`  ${st.gras(ou)} « ${e(x.libelle)} » → ${quoi}`];
  const details = [e(x.raison), ...(x.complete !== null ? [`complète la ligne ${x.complete}`] : [])].filter((t) => t !== "");
  if (details.length > 0) l.push(st.gris(`      ${details.join(" ; ")}`));
  for (const c of x.cellules) {
    if (c.sansObjet) continue;
    const ici = [e(c.niveau), ...(c.adresse !== null ? [e(c.adresse)] : [])].join(" · ");
    const lu = c.lu !== null ? e(c.lu) : st.rouge(`non lue — ${e(c.nonLu ?? "?")}`);
    const corr = c.correction !== null ? ` (corrigée en « ${e(c.correction)} »)` : "";
    l.push(`      ${ici} : « ${e(c.texte)} »${corr} → ${lu}`);
  }
  return l;
}
