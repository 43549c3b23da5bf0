import type { Constat, Gravite, RapportVerification } from "../core/responsable";
import { posteParCode } from "../core/postes";

/** How the pane and the report sheet present findings (pure). */

export type Verdict = "conforme" | "sous-reserve" | "non-conforme";

/** Never plainly « conforme » while alertes (points REMB could not decide) remain: the CLI's wording. */
export function verdict(r: RapportVerification): Verdict {
  return r.erreurs > 0 ? "non-conforme" : r.alertes > 0 ? "sous-reserve" : "conforme";
}

export const LIBELLES_VERDICT: Readonly<Record<Verdict, string>> = {
  conforme: "CONFORME",
  "sous-reserve": "CONFORME SOUS RÉSERVE",
  "non-conforme": "NON CONFORME",
};

export const ORDRE_GRAVITES: readonly Gravite[] = ["erreur", "alerte", "info"];

export const LIBELLES_GRAVITE: Readonly<Record<Gravite, string>> = { erreur: "Erreur", alerte: "Alerte", info: "Information" };
export const TITRES_GRAVITE: Readonly<Record<Gravite, string>> = { erreur: "Erreurs", alerte: "Alertes", info: "Informations" };

/** « 2 erreurs », « 1 alerte », « 0 info ». */
export function compte(n: number, singulier: string, pluriel = `${singulier}s`): string {
  return `${n.toLocaleString("fr-FR")} ${n > 1 ? pluriel : singulier}`;
}

export function resumeRapport(r: RapportVerification): string {
  return `${LIBELLES_VERDICT[verdict(r)]} — ${compte(r.erreurs, "erreur")}, ${compte(r.alertes, "alerte")}, ${compte(r.infos, "info")}`;
}

export interface GroupeConstats {
  readonly gravite: Gravite;
  readonly postes: readonly { readonly titre: string; readonly constats: readonly Constat[] }[];
  readonly nombre: number;
}

/** Findings grouped by gravité (erreurs first), then by poste in grid order; the whole grid's first. */
export function grouperConstats(constats: readonly Constat[]): GroupeConstats[] {
  const r: GroupeConstats[] = [];
  for (const g of ORDRE_GRAVITES) {
    const parPoste = new Map<string, Constat[]>();
    for (const c of constats) {
      if (c.gravite !== g) continue;
      const titre = titrePoste(c);
      const l = parPoste.get(titre);
      if (l) l.push(c);
      else parPoste.set(titre, [c]);
    }
    const nombre = [...parPoste.values()].reduce((s, l) => s + l.length, 0);
    if (nombre > 0) r.push({ gravite: g, nombre, postes: [...parPoste].map(([titre, l]) => ({ titre, constats: l })) });
  }
  return r;
}

/** The poste's label, or what stands for it. */
export function titrePoste(c: Constat): string {
  if (c.poste !== null) return posteParCode(c.poste)?.libelle ?? c.poste;
  if (c.libelle !== undefined) return `Ligne non reconnue — ${c.libelle}`;
  return "Grille entière";
}

const LEGIARTI = /LEGIARTI\d{12}/;

/** The Légifrance page of the article a reference names (« R871-2 6° CSS (LEGIARTI000052861614) »), if any. */
export function lienLegifrance(reference: string): string | undefined {
  const m = LEGIARTI.exec(reference);
  return m ? `https://www.legifrance.gouv.fr/codes/article_lc/${m[0]}` : undefined;
}

/** « R871-2 6° CSS » without the identifier in parentheses, for display next to a link. */
export function articleCourt(reference: string): string {
  return reference.replace(/\s*\((?:LEGIARTI\d{12})(?:,\s*([^)]*))?\)/, (_, reste: string | undefined) => (reste ? ` (${reste})` : "")).trim();
}
