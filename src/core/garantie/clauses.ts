import type { Cents } from "../money";
import type { Convention, Formule, TermePeriode } from "./ast";
import { erreurSyntaxe } from "./erreurSyntaxe";

/**
 * What the clauses of a guarantee cell say, as nodes: the grammar's clause methods return them, and the cell keeps
 * them here, where each may appear once and « sans limite » contradicts a limit or a count. A node keeps where it
 * stands in the printed text, for the messages.
 */
export type NoeudClause =
  /** « en sus du RO », « Sécu incluse », « + RO ». */
  | { readonly sorte: "convention"; readonly valeur: Convention; readonly debut: number; readonly fin: number }
  /** « dans la limite de 300 € / an », « limité aux PLV ». */
  | { readonly sorte: "limite"; readonly termes: readonly TermePeriode[]; readonly debut: number; readonly fin: number }
  /** « avec un minimum de 175 % BR », « (minimum ticket modérateur) ». */
  | { readonly sorte: "minimum"; readonly termes: readonly TermePeriode[]; readonly debut: number; readonly fin: number }
  /** « (max 4 séances / an) », « 1 équipement tous les 2 ans »; `nombre`: where its number stands. */
  | { readonly sorte: "compte"; readonly nombreMax: NonNullable<Formule["nombreMax"]>; readonly nombre: number; readonly debut: number; readonly fin: number }
  /** « sans limitation de durée », « illimités ». */
  | { readonly sorte: "sansLimite"; readonly debut: number; readonly fin: number }
  /** « dont 100 € monture max ». */
  | { readonly sorte: "monture"; readonly cents: Cents; readonly debut: number; readonly fin: number };

type Noeud<S extends NoeudClause["sorte"]> = Extract<NoeudClause, { sorte: S }>;

export class ClausesLues {
  convention: Noeud<"convention"> | null = null;
  limite: Noeud<"limite"> | null = null;
  minimum: Noeud<"minimum"> | null = null;
  compte: Noeud<"compte"> | null = null;
  sansLimite: Noeud<"sansLimite"> | null = null;
  monture: Noeud<"monture"> | null = null;

  constructor(private readonly source: string) {}

  retenir(n: NoeudClause): void {
    switch (n.sorte) {
      case "convention":
        if (this.convention) this.deuxConventions(this.convention, n);
        this.convention = n;
        return;
      case "limite":
        this.uneSeuleLimite(n.debut, n.fin);
        this.limite = n;
        if (this.sansLimite) this.contradiction(this.sansLimite, n);
        return;
      case "minimum":
        if (this.minimum) {
          throw erreurSyntaxe(
            this.source,
            n.debut,
            "un seul minimum",
            this.source.slice(n.debut, n.fin),
            `deux minimums dans la même cellule (positions ${this.minimum.debut + 1} et ${n.debut + 1}) — un seul est attendu`,
          );
        }
        this.minimum = n;
        return;
      case "compte":
        this.unSeulCompte(n.nombre);
        this.compte = n;
        if (this.sansLimite) this.contradiction(this.sansLimite, n);
        return;
      case "sansLimite": {
        if (this.sansLimite) {
          throw erreurSyntaxe(
            this.source,
            n.debut,
            "une seule mention « sans limite »",
            this.source.slice(n.debut, n.fin),
            `deux mentions « sans limite » dans la même cellule (positions ${this.sansLimite.debut + 1} et ${n.debut + 1}) — une seule est attendue`,
          );
        }
        const autre = this.limite ?? this.compte;
        if (autre) this.contradiction(autre, n);
        this.sansLimite = n;
        return;
      }
      case "monture":
        if (this.monture)
          throw erreurSyntaxe(
            this.source,
            n.debut,
            "une seule part de monture",
            this.source.slice(n.debut, n.fin),
            `part de la monture en double à la position ${n.debut + 1}`,
          );
        this.monture = n;
        return;
    }
  }

  /** A second limit is refused where it starts, before its content is read. */
  uneSeuleLimite(debut: number, fin: number): void {
    if (!this.limite) return;
    throw erreurSyntaxe(
      this.source,
      debut,
      "une seule limite",
      this.source.slice(debut, fin),
      `deux limites dans la même cellule (positions ${this.limite.debut + 1} et ${debut + 1}) — une seule est attendue`,
    );
  }

  /** A second count is refused at its number, before the rest is read. */
  unSeulCompte(nombre: number, texte?: string): void {
    if (!this.compte) return;
    throw erreurSyntaxe(
      this.source,
      nombre,
      "un seul nombre maximum",
      texte ?? this.source.slice(nombre, nombre + 1),
      `deux nombres maximum dans la même cellule (positions ${this.compte.nombre + 1} et ${nombre + 1}) — un seul est attendu`,
    );
  }

  private deuxConventions(avant: Noeud<"convention">, c: Noeud<"convention">): never {
    const premier = this.source.slice(avant.debut, avant.fin);
    const second = this.source.slice(c.debut, c.fin);
    throw erreurSyntaxe(
      this.source,
      c.debut,
      "une seule convention",
      second,
      `deux conventions dans la même cellule : « ${premier} » (position ${avant.debut + 1}) et « ${second} » (position ${c.debut + 1}) — une seule est attendue`,
    );
  }

  /** A limit or a count, and « sans limite » in the same cell: whichever comes second is reported. */
  private contradiction(premier: NoeudClause, second: NoeudClause): never {
    const a = this.source.slice(premier.debut, premier.fin);
    const b = this.source.slice(second.debut, second.fin);
    throw erreurSyntaxe(
      this.source,
      second.debut,
      "une limite ou « sans limite », pas les deux",
      b,
      `« ${a} » (position ${premier.debut + 1}) et « ${b} » (position ${second.debut + 1}) se contredisent : une cellule sans limite n'a ni plafond ni nombre maximum`,
    );
  }
}
