import { estRembError } from "../errors";
import { additionner, type Cents } from "../money";
import { evaluerGarantie, type ContexteGarantie, type Formule, type Garantie } from "../garantie";
import type { Cellule, Grille, Ligne, Niveau } from "../grille";

/**
 * What one level of a grid guarantees on one line, as a total Sécu incluse, with the socle taken into account for
 * option and surcomplémentaire columns (docs/modele-de-calcul.md §6): the legal caps are written on totals, so the validator checks
 * the combined cover (docs/modele-de-calcul.md §6 ⚠, §14 point 20: the engine assumes the caps apply to socle + option).
 *
 * - SOCLE_INCLUS: the option's cell is the total; « - » / « Néant » there means « same as the socle »;
 * - SOCLE_EN_SUS: total = socle + the option's own amount (an option cell « en sus du RO » adds no second RO).
 */
export type Evaluation =
  | { readonly ok: true; readonly montant: Cents }
  /** The cell cannot give an amount in this context (« Inclus », a % of a PLV the line does not have…). */
  | { readonly ok: false; readonly raison: string };

export interface Couverture {
  readonly ligne: Ligne;
  readonly niveau: Niveau;
  /** Indexes of the line and the level in the grid (`grille.lignes`, `grille.niveaux`). */
  readonly iLigne: number;
  readonly iNiveau: number;
  readonly cellule: Cellule;
  /**
   * False when this cell or the socle it includes does not parse: the import already reported it (« lecture »
   * finding), and no rule can say more.
   */
  readonly lisible: boolean;
  /** An option cell « - » that only repeats its socle: findings belong to the socle's cell. */
  readonly herite: boolean;
  /** Names of the columns summed, socle first (« Base + Option 1 »), for messages; one name for a plain level. */
  readonly colonnes: readonly string[];
  /** The parsed guarantees that make the cover (socle first); empty when not `lisible`. */
  readonly garanties: readonly Garantie[];
  montant(ctx: ContexteGarantie): Evaluation;
}

const NON_LISIBLE: Evaluation = Object.freeze({ ok: false, raison: "cellule illisible" });

/** Builds and memoises the covers of a grid (the socle of an option is evaluated once per line). */
export class Couvertures {
  private readonly cache = new Map<number, Couverture>();
  private readonly indexNiveau = new Map<string, number>();

  constructor(private readonly grille: Grille) {
    grille.niveaux.forEach((n, i) => this.indexNiveau.set(n.nom, i));
  }

  de(iLigne: number, iNiveau: number): Couverture {
    const cle = iLigne * this.grille.niveaux.length + iNiveau;
    let c = this.cache.get(cle);
    if (!c) {
      c = this.construire(iLigne, iNiveau, 0);
      this.cache.set(cle, c);
    }
    return c;
  }

  private construire(iLigne: number, iNiveau: number, profondeur: number): Couverture {
    const ligne = this.grille.lignes[iLigne]!;
    const niveau = this.grille.niveaux[iNiveau]!;
    const cellule = ligne.cellules[iNiveau]!;
    const iSocle = niveau.inclutNiveau === undefined ? undefined : this.indexNiveau.get(niveau.inclutNiveau);
    // Depth bound: the import refuses cycles, but a hand-written JSON grid must not hang the validator.
    const socle = iSocle === undefined || iSocle === iNiveau || profondeur > 16 ? undefined : this.construire(iLigne, iSocle, profondeur + 1);
    const propre = cellule.garantie;
    if (propre === undefined || (socle !== undefined && !socle.lisible)) {
      return { ligne, niveau, iLigne, iNiveau, cellule, lisible: false, herite: false, colonnes: [niveau.nom], garanties: [], montant: () => NON_LISIBLE };
    }
    if (socle === undefined) {
      return {
        ligne,
        niveau,
        iLigne,
        iNiveau,
        cellule,
        lisible: true,
        herite: false,
        colonnes: [niveau.nom],
        garanties: [propre],
        montant: (ctx) => evaluer(propre, ctx),
      };
    }
    const colonnes = [...socle.colonnes, niveau.nom];
    if (propre.type === "neant") {
      return { ...socle, ligne, niveau, iLigne, iNiveau, cellule, herite: true, colonnes };
    }
    const garanties = [...socle.garanties, propre];
    if (niveau.convention === "SOCLE_EN_SUS") {
      return {
        ligne,
        niveau,
        iLigne,
        iNiveau,
        cellule,
        lisible: true,
        herite: false,
        colonnes,
        garanties,
        montant: (ctx) => {
          const s = socle.montant(ctx);
          if (!s.ok) return s;
          const o = evaluer(propre, ctx);
          if (!o.ok) return o;
          // The option's own part: a cell « en sus du RO » would otherwise count the RO a second time.
          const part = propre.type === "formule" && propre.convention === "RO_EN_SUS" ? o.montant - ctx.roBrut : o.montant;
          return { ok: true, montant: additionner(s.montant, part) };
        },
      };
    }
    // SOCLE_INCLUS: the option's cell alone is the total.
    return { ligne, niveau, iLigne, iNiveau, cellule, lisible: true, herite: false, colonnes, garanties: [propre], montant: (ctx) => evaluer(propre, ctx) };
  }
}

function evaluer(g: Garantie, ctx: ContexteGarantie): Evaluation {
  if (g.type === "service") return { ok: false, raison: `« ${g.texte} » n'est pas un montant` };
  if (g.type === "renvoi") return { ok: false, raison: `la garantie figure dans un autre tableau (« ${g.vers} »), à vérifier` };
  try {
    return { ok: true, montant: evaluerGarantie(g, ctx) };
  } catch (e) {
    if (estRembError(e)) return { ok: false, raison: e.message };
    throw e;
  }
}

/** The formulas of a cover (socle and option), for structural checks (counts, periods, terms). */
export function formules(c: Couverture): Formule[] {
  const r: Formule[] = [];
  for (const g of c.garanties) if (g.type === "formule") r.push(g);
  return r;
}

/** The cover is nothing at all: every part is « Néant » (or the cell is empty). */
export function estNeant(c: Couverture): boolean {
  return c.lisible && c.garanties.every((g) => g.type === "neant");
}
