import type { Formule, TermePeriode, UniteTemps } from "./ast";
import { estMontantParUnite, estObjet, estPartDeLaLigne, memeCompteur, seMultiplie } from "./compte";
import { erreurSyntaxe } from "./erreurSyntaxe";
import { UNITES } from "./vocabulaire";

/**
 * A pass over a parsed formula: its units must make sense together. Run once the whole cell is read, because a count
 * written last (« (max 4 séances / an) ») applies to amounts written first.
 *
 * A count of sessions, days… bounds the units of the amounts written « / séance », « / jour »: without such
 * an amount it would bound nothing, silently. One cell has one unit count (ctx.unites), so amounts per two
 * different units cannot be evaluated either.
 */
export function verifierUnites(source: string, f: Formule, debutPeriode: ReadonlyMap<TermePeriode, number>, debutNombreMax: number): void {
  const termes = f.termes;
  let unite: UniteTemps | null = null;
  for (const tp of [...termes, ...(f.minimum ?? []), ...(f.limite ?? [])]) {
    if (!tp.periode || !UNITES[tp.periode.unite].parUnite || !seMultiplie(tp.terme)) continue;
    const u = tp.periode.unite;
    if (unite !== null && !memeCompteur(unite, u)) {
      const p = debutPeriode.get(tp) ?? 0;
      throw erreurSyntaxe(
        source,
        p,
        `« / ${UNITES[unite].singulier} »`,
        `/ ${UNITES[u].singulier}`,
        `une cellule ne compte qu'une sorte d'unité : « / ${UNITES[unite].singulier} » puis « / ${UNITES[u].singulier} » à la position ${p + 1}`,
      );
    }
    unite = u;
  }
  const m = f.nombreMax;
  if (!m || (m.unite !== undefined && !UNITES[m.unite].parUnite)) return;
  const cible = m.unite;
  // « 30 € / séance (max 4 / an) »: the count bounds the amounts per unit.
  if (termes.some((tp) => estMontantParUnite(tp) && (cible === undefined || memeCompteur(cible, tp.periode!.unite)))) return;
  const limite = f.limite ?? [];
  if (cible === undefined) {
    // « 200 € (max 1 / 2 ans) », « 200 € / équipement (max 1 / an) »: no amount per unit, no envelope, so the
    // count is of the line's own item (a renewal rule).
    if ([...termes, ...limite].every((tp) => !tp.periode || estObjet(tp.periode.unite))) return;
  } else if (
    // « Frais réels (max 90 jours / an) »: shares of the whole line, taken pro rata of the days paid (or bounded
    // through the limit's amounts per day: « Frais réels dans la limite de 50 € / jour (max 90 jours / an) »).
    termes.every((tp) => estPartDeLaLigne(tp.terme) && (!tp.periode || memeCompteur(cible, tp.periode.unite))) &&
    limite.every((tp) => !estMontantParUnite(tp) || memeCompteur(cible, tp.periode!.unite))
  ) {
    return;
  }
  const texte = `${m.nombre}${cible ? ` ${m.nombre > 1 ? UNITES[cible].pluriel : UNITES[cible].singulier}` : ""}`;
  const attendu = cible ? `un montant « / ${UNITES[cible].singulier} »` : "un montant par séance, par jour, par acte…";
  throw erreurSyntaxe(
    source,
    debutNombreMax,
    attendu,
    texte,
    `le nombre maximum « ${texte} » (position ${debutNombreMax + 1}) ne s'applique qu'à ${attendu} (ex. « 30 € / séance (max 4 séances / an) »)`,
  );
}
