import type { Cents } from "../money";

/**
 * The breakdown every calculator returns. RC, RO, RAC and TOTAL are read from it; DETAIL is `etapes`.
 * Invariants (checked by `clore`): roNet + rc + rac = fr, and 0 ≤ rc ≤ fr − roBrut.
 */
export interface Etape {
  /** French label shown in the DETAIL table, e.g. « RO brut (70 % × 30,00 €) ». */
  readonly libelle: string;
  /** Amount of the step; null for a purely informative line. */
  readonly montant: Cents | null;
  /** Legal reference of the rule applied at this step, when one applies (« R871-2 3° CSS »). */
  readonly reference?: string;
}

/** A legal cap that bound the guarantee (shown in DETAIL, counted by the validator and the task pane). */
export interface PlafondApplique {
  /** Stable code, e.g. "optique.classe_b.plafond.c", "monture", "non_optam". */
  readonly code: string;
  readonly libelle: string;
  /** The cap's amount for this line. */
  readonly montant: Cents;
  readonly reference: string;
}

export interface Decompte {
  /** Frais réels (the price billed). */
  readonly fr: Cents;
  /** Base de remboursement actually used. */
  readonly br: Cents;
  /** RO before participations: round(BR × taux). */
  readonly roBrut: Cents;
  /** Participation forfaitaire or franchise kept by the AMO (never above RO brut). */
  readonly retenue: Cents;
  /** What the AMO pays: roBrut − retenue. */
  readonly roNet: Cents;
  /** G after the legal caps: total guaranteed, Sécu incluse. */
  readonly garantie: Cents;
  /** Remboursement complémentaire. */
  readonly rc: Cents;
  /** Reste à charge. */
  readonly rac: Cents;
  readonly plafonds: readonly PlafondApplique[];
  /** Things the user must know (price above the PLV, a cell above a legal cap computed as capped…). */
  readonly alertes: readonly string[];
  /** Every step with its amount and reference; empty unless the caller asked for the detail. */
  readonly etapes: readonly Etape[];
}

export type TypeResultat = "RC" | "RO" | "RAC" | "TOTAL";

export function montantResultat(d: Decompte, r: TypeResultat): Cents {
  switch (r) {
    case "RC":
      return d.rc;
    case "RO":
      return d.roNet;
    case "RAC":
      return d.rac;
    case "TOTAL":
      return d.roNet + d.rc;
  }
}

/** RC = max(0, min(G, FR) − RO brut) (docs/modele-de-calcul.md §2): capped against RO brut so PF/franchises stay with the patient. */
export function rcResponsable(garantie: Cents, fr: Cents, roBrut: Cents): Cents {
  const couvert = garantie < fr ? garantie : fr;
  const rc = couvert - roBrut;
  return rc > 0 ? rc : 0;
}

const VIDE: readonly never[] = Object.freeze([]) as readonly never[];
export { VIDE as AUCUN };

/**
 * The message of a violated invariant, out of line: clore runs on every claim line and V8 inlines it only while it
 * stays small.
 */
function invariantViole(d: Omit<Decompte, "rac">, rac: Cents): Error {
  return new Error(`REMB : invariant violé (FR ${d.fr}, RO brut ${d.roBrut}, RO net ${d.roNet}, RC ${d.rc}, RAC ${rac}) — merci de signaler ce cas.`);
}

/** What a calculator ends with. Without a PF or franchise (retenue omitted), the RO net is the RO brut. */
export interface Cloture {
  readonly fr: Cents;
  readonly br: Cents;
  readonly roBrut: Cents;
  readonly retenue?: Cents;
  readonly roNet?: Cents;
  readonly garantie: Cents;
  readonly rc: Cents;
  readonly plafonds?: readonly PlafondApplique[];
  /** null (or absent) when there is nothing to say / DETAIL was not asked. */
  readonly alertes: readonly string[] | null;
  readonly etapes: readonly Etape[] | null;
}

/**
 * Every calculator's ending: completes a breakdown with the RAC and checks the invariants. A violated invariant is a
 * bug in REMB, not a user error: it throws a plain Error, which adapters report as an internal error rather than a
 * wrong euro.
 */
export function clore(c: Cloture): Decompte {
  // Fields written out rather than `{ ...c, rac }`: the spread is ~100× slower on V8 and this runs per claim line.
  const d: Decompte = {
    fr: c.fr,
    br: c.br,
    roBrut: c.roBrut,
    retenue: c.retenue ?? 0,
    roNet: c.roNet ?? c.roBrut,
    garantie: c.garantie,
    rc: c.rc,
    rac: c.fr - (c.roNet ?? c.roBrut) - c.rc,
    plafonds: c.plafonds ?? VIDE,
    alertes: c.alertes ?? VIDE,
    etapes: c.etapes ?? VIDE,
  };
  if (d.rc < 0 || d.rc > d.fr - d.roBrut || d.roNet < 0 || d.roNet > d.roBrut || d.rac < 0) throw invariantViole(d, d.rac);
  return d;
}
