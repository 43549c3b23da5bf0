/**
 * Prints REMB's figures on the corpus of real published grids (test/fixtures/grilles-reelles): per grid and in
 * total, verdicts, erreur precision and recall, lines on the right poste, cells read; then every false erreur,
 * missed erreur, wrong poste and unread cell, so the next reading gap is in front of the reader.
 *
 *   npm run corpus              figures and details
 *   npm run corpus -- --court   figures only
 *   npm run corpus -- <id>…     only these grids
 */
import { CIBLES, chargerCorpus, indicateurs, mesurer, taux, totaliser, type Mesure } from "../test/corpus/mesure";

const args = process.argv.slice(2);
const court = args.includes("--court");
const ids = args.filter((a) => !a.startsWith("--"));
const corpus = chargerCorpus().filter((g) => ids.length === 0 || ids.includes(g.id));
const mesures = corpus.map(mesurer);

const pc = (n: number, d: number) => (d === 0 ? "   —  " : `${taux(n, d).toFixed(1).padStart(5)} %`);
const ligne = (m: Mesure) =>
  [
    m.id.padEnd(44).slice(0, 44),
    (m.verdictObtenu === m.verdictAttendu ? "ok " : "NON").padEnd(4),
    `${m.verdictAttendu}/${m.verdictObtenu ?? "illisible"}`.padEnd(28),
    `${m.erreursJustes}/${m.erreursObtenues}`.padStart(7),
    `${m.erreursTrouvees}/${m.erreursAttendues}`.padStart(7),
    `${pc(m.lignesJustes, m.lignesAttendues)} (${m.lignesJustes}/${m.lignesAttendues})`.padStart(18),
    `${pc(m.cellulesLues, m.cellules)} (${m.cellulesLues}/${m.cellules})`.padStart(18),
  ].join(" ");

console.log(
  [
    "grille".padEnd(44),
    "ok? ",
    "verdict attendu/obtenu".padEnd(28),
    "justes".padStart(7),
    "trouv.".padStart(7),
    "postes".padStart(18),
    "cellules lues".padStart(18),
  ].join(" "),
);
for (const m of mesures) console.log(ligne(m));
const t = totaliser(mesures);
const i = indicateurs(t);
const cible = (x: number, c: number) => `${x.toFixed(1)} % (cible ≥ ${c} %)${x >= c ? "" : "  ← sous la cible"}`;
console.log(`
${t.grilles} grilles
  verdicts justes       ${t.verdictsJustes}/${t.grilles} = ${cible(i.verdicts, CIBLES.verdicts)}
  précision des erreurs ${t.erreursJustes}/${t.erreursObtenues} = ${cible(i.precision, CIBLES.precision)}
  rappel des erreurs    ${t.erreursTrouvees}/${t.erreursAttendues} = ${cible(i.rappel, CIBLES.rappel)}
  lignes au bon poste   ${t.lignesJustes}/${t.lignesAttendues} = ${cible(i.postes, CIBLES.postes)}
  cellules lues         ${t.cellulesLues}/${t.cellules} = ${cible(i.cellules, CIBLES.cellules)}`);

if (!court) {
  for (const m of mesures) {
    const details = [
      ...(m.echecImport ? [`  import impossible : ${m.echecImport}`] : []),
      ...m.faussesErreurs.map((x) => `  fausse erreur   ${x}`),
      ...m.erreursManquees.map((x) => `  erreur manquée  ${x}`),
      ...m.lignesFausses.map((x) => `  poste           ligne ${x.ligne} « ${x.libelle} » : attendu ${x.attendu}, obtenu ${x.obtenu}`),
      ...m.cellulesNonLues.map((x) => `  non lue         ${x.adresse} « ${x.texte} » : ${x.message}`),
    ];
    if (details.length > 0) console.log(`\n${m.id}\n${details.join("\n")}`);
  }
}
