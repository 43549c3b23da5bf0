import { RembError, argumentInvalide } from "../errors";
import { CENTS_MAX, comparerTaux, taux, type Cents, type Taux } from "../money";
import { NEANT, type BaseTaux, type Convention, type Formule, type Garantie, type Periode, type Terme, type TermePeriode, type UniteTemps } from "./ast";
import { apercu, erreurSyntaxe, FIN_EXPRESSION } from "./erreurSyntaxe";
import { estMontantParUnite, estObjet, estPartDeLaLigne, memeCompteur, seMultiplie } from "./compte";
import { decouper, type Jeton } from "./jetons";
import { formeImprimee } from "./formes-imprimees";
import { ATTENDU_BASE, ATTENDU_PERIODE, ATTENDU_TERME, ATTENDU_UNITE, MOTS_BASE, MOTS_UNITE, UNITES } from "./vocabulaire";

/*
 * Grammar of a guarantee cell (architecture.md « The guarantee expression language », domain §2.5). Keywords are
 * folded words (case- and accent-insensitive); spaces are free.
 *
 *   cellule     := vide | néant | service | formule
 *   néant       := « Néant » | « - » | « — » | « – » | « Non remboursé » | « Non pris en charge » | « 0 » | « 0 € » …
 *   service     := « Inclus » | « Oui »
 *   formule     := [« + »] [ro « + »] somme { [« , » | « ; »] clause | « ( » clause « ) » } [« . »]
 *   somme       := terme-période { « + » (terme-période | ro) }
 *   terme-période := terme [période [renouvellement]]     (renouvellement only after a période per item, see below)
 *   terme       := [« forfait » [de]] nombre (« % » | « pour cent ») [article] [base]   (no base: the BR)
 *                | [« forfait » [de]] nombre (« € » | « euros » | « EUR »)
 *                | « TM » | « ticket modérateur » | « FR » | « frais réels » | plafond-légal
 *                | base                                              (inside a limit only: « des PLV »)
 *   période     := (« / » | « par » | « tous les » | « chaque ») [entier] unité [(« / » | « par » | « et par ») unité]
 *   renouvellement := (« tous les » | « toutes les ») [entier] unité-durée
 *   unité       := « an » [« civile »] | « jour » | « séance » | « équipement » | « oreille » | « aide » [« auditive »] …
 *   clause      := convention | limite (compte | somme) | compte | sans-limite   (a bare compte only after « , » or « ( »)
 *   limite      := « dans la limite » [article] | « limité à » | « plafonné à » | « plafond de » | « max » [« . »]
 *                | « maximum » | « jusqu'à » | « à concurrence de »     (then « un » is dropped: « d'un forfait de »)
 *   compte      := (entier | « un ») [unité [« par » unité-objet]] période
 *                                   (« 4 séances / an », « max 4 / an », « un équipement / 2 ans »,
 *                                    « 1 aide auditive par oreille tous les 4 ans »)
 *   sans-limite := « sans » (« limite » | « limites » | « limitation ») [« de durée »] | « illimité(e)(s) »
 *   convention  := ro (« inclus » | « compris ») | « y compris » ro | « dont » ro          → RO_INCLUS
 *                | « en sus » de ro | « en complément » de ro | « en plus » de ro | « hors » ro | « + » ro  → RO_EN_SUS
 *   ro          := [article] [« remboursement » [article]] (« RO » | « RSS » | « SS » | « AMO » | « Sécu »
 *                | « Sécurité sociale » | « régime obligatoire »)
 *
 * Counts (what each one does to a line's amount: compte.ts `sorteDuCompte`, ast.ts `nombreMax`):
 * - A count of sessions, days, nights, acts (« max 4 séances / an ») bounds the amounts written per that unit
 *   (« 30 € / séance »). On a cell without such an amount it is accepted only when every term is a share of the
 *   line (« Frais réels (max 90 jours / an) », « 100 % FR limité à 30 jours / an »): the line's value is then taken
 *   pro rata of the units paid. A bare amount (« 23 € (max 60 jours / an) ») stays an error: per day or per stay?
 * - A count of items (équipement, oreille, aide auditive, dent…) is a renewal rule: one line is one item.
 *   « 200 € / équipement tous les 2 ans » is « 200 € / équipement (max 1 équipement / 2 ans) »: after « / item »,
 *   « tous les N ans » counts that item (it cannot be an envelope, the period already being the item).
 * - A count without a noun (« (max 4 / an) ») counts the unit of the cell's amounts per unit (« 30 € / séance »).
 *   When the cell has none and no other period than items either (« 200 € (max 1 / 2 ans) », « 200 € /
 *   équipement (max 1 / an) », « 150 % BR (max 1 / an) »), it counts the line's own item, one line being one item:
 *   a renewal rule. Beside an envelope (« 50 € / an (max 4 / an) ») or a share per unit (« 100 % BR / séance
 *   (max 4 / an) ») it would be unclear what it counts and stays an error (« max 4 séances / an » is read).
 * - « sans limitation de durée », « illimités », « sans limite » say that there is no count and no limit: the
 *   cell is read without them (« Frais réels sans limitation de durée » = « Frais réels »), and a cell that also
 *   writes a limit or a count contradicts itself (error).
 *
 * Leading « + » (option columns printed « + 200 € », « + 50 % BR » under a header « en sus de la base »): accepted,
 * and the term is the same term. Whether an option column comes on top of the base or includes it is a property of
 * the column, which the grid model reads from its header (niveaux.ts: SOCLE_EN_SUS / SOCLE_INCLUS, domain §2.6) and
 * applies to every cell of the column, with or without the « + ». Refusing the « + » would make such grids
 * unreadable without saying anything the header does not already say; keeping it in the AST would give it a second,
 * competing convention. It is not the RO convention: « + RO » / « + Sécu » still mean « en sus du RO » wherever
 * they stand (« + Sécu + 100 % BR » = « 100 % BR en sus du RO »), and « + » alone or before nothing is an error.
 *
 * One precedence level per method below (formule → clause → somme → terme-période → terme). Everything that is
 * not understood is an error naming the position, what was expected and what was found: nothing is skipped.
 */

/** Longest text accepted: a cell holding a paragraph is not a guarantee, and parse time stays bounded. */
const TEXTE_MAX = 500;
/** 10 000 %: above this a percentage is a typing slip (« 15000 % BR »), not a guarantee. */
const POURCENT_MAX: Taux = taux(100);
/** Largest count or period multiple (« max 365 jours / an », « tous les 4 ans »). */
const ENTIER_MAX = 9999;

const ARTICLES: readonly (readonly string[])[] = [["de", "la"], ["de", "l'"], ["du"], ["des"], ["de"], ["d'"]];
const ARTICLES_RO: readonly (readonly string[])[] = [["de", "la"], ["de", "l'"], ["du"], ["des"], ["de"], ["d'"], ["le"], ["la"], ["l'"]];
const NOYAUX_RO: readonly (readonly string[])[] = [
  ["securite", "sociale"],
  ["regime", "obligatoire"],
  ["assurance", "maladie", "obligatoire"],
  ["assurance", "maladie"],
  ["ro"],
  ["rss"],
  ["ss"],
  ["amo"],
  ["secu"],
];
const INCLUS = new Set(["inclus", "incluse", "inclu", "inclue", "compris", "comprise", "incl"]);
const LIMITE = new Set(["limite", "limitee", "limites", "limitees", "plafonne", "plafonnee", "plafonnes", "plafonnees"]);
const A = new Set(["a", "au", "aux"]);
const EUROS = new Set(["euro", "euros", "eur"]);
/**
 * Words that may follow a complete term. After « 150 % » any other word is a misspelt base (« 150 % BX »)
 * rather than the start of a clause, and is reported as such.
 */
const DEBUT_CLAUSE = new Set([
  "dans", "limite", "limitee", "limites", "limitees", "plafonne", "plafonnee", "plafonnes", "plafonnees", "plafond",
  "max", "maxi", "maximum", "jusqu'", "a", "en", "hors", "y", "dont", "par", "tous", "toutes", "chaque", "le", "la",
  "l'", "ro", "rss", "ss", "amo", "secu", "securite", "regime", "remboursement", "assurance", "sans", "illimite",
  "illimitee", "illimites", "illimitees",
]);
const ILLIMITE = new Set(["illimite", "illimitee", "illimites", "illimitees"]);
const SANS_LIMITE = new Set(["limite", "limites", "limitation", "limitations"]);

interface Clause {
  readonly debut: number;
  readonly fin: number;
}

class Analyseur {
  private i = 0;
  private readonly j: readonly Jeton[];
  private convention: (Clause & { readonly valeur: Convention }) | null = null;
  private limite: readonly TermePeriode[] | null = null;
  private limiteDebut = 0;
  private limiteClause: Clause | null = null;
  private nombreMax: Formule["nombreMax"] | null = null;
  private monture: Cents | null = null;
  private nombreMaxDebut = 0;
  private nombreMaxClause: Clause | null = null;
  /** « sans limitation de durée », « illimités »: no limit and no count may come with it. */
  private sansLimite: Clause | null = null;
  /** Where each term's period starts, to point at the second unit when a cell mixes two. */
  private readonly debutPeriode = new Map<TermePeriode, number>();

  constructor(private readonly source: string) {
    this.j = decouper(source);
  }

  /** The current token (a method, not a getter: TypeScript would otherwise keep a narrowing across `i++`). */
  private c(): Jeton {
    return this.j[this.i]!;
  }

  private a(k: number): Jeton {
    return this.j[Math.max(0, Math.min(this.i + k, this.j.length - 1))]!;
  }

  private estMot(k: number, ...mots: string[]): boolean {
    const x = this.a(k);
    return x.type === "mot" && mots.includes(x.mot);
  }

  /** The next words are exactly `mots` (folded). */
  private voit(mots: readonly string[]): boolean {
    for (let k = 0; k < mots.length; k++) {
      const x = this.a(k);
      if (x.type !== "mot" || x.mot !== mots[k]) return false;
    }
    return true;
  }

  private prend(mots: readonly string[]): boolean {
    if (!this.voit(mots)) return false;
    this.i += mots.length;
    return true;
  }

  private prendUnParmi(suites: readonly (readonly string[])[]): boolean {
    for (const s of suites) if (this.prend(s)) return true;
    return false;
  }

  private trouve(x: Jeton): string {
    return x.type === "fin" ? FIN_EXPRESSION : x.texte;
  }

  private erreur(x: Jeton, attendu: string, explication?: string): never {
    throw erreurSyntaxe(this.source, x.debut, attendu, this.trouve(x), explication);
  }

  private pos(x: Jeton | number): number {
    return (typeof x === "number" ? x : x.debut) + 1;
  }

  // ── cellule ────────────────────────────────────────────────────────────────────────────────────────────

  analyser(): Garantie {
    if (this.c().type === "fin") return NEANT;
    const simple = this.neantOuService();
    if (simple) return simple;
    return this.formule();
  }

  private neantOuService(): Garantie | null {
    if (this.c().type === "tiret") {
      if (this.a(1).type === "fin") return NEANT;
      return null; // « -50 € »: the term parser explains the negative amount
    }
    if (this.c().type !== "mot") return null;
    const debut = this.c();
    if (
      this.prendUnParmi([
        ["neant"],
        ["non", "rembourse"],
        ["non", "remboursee"],
        ["non", "rembourses"],
        ["non", "remboursees"],
        ["non", "pris", "en", "charge"],
        ["non", "prise", "en", "charge"],
        ["non", "pris", "en", "compte"],
        ["non", "couvert"],
        ["non", "couverte"],
        ["pas", "de", "prise", "en", "charge"],
        ["pas", "de", "remboursement"],
        ["aucun", "remboursement"],
        ["aucune", "prise", "en", "charge"],
      ])
    ) {
      this.seul(debut);
      return NEANT;
    }
    if (this.prendUnParmi([["inclus"], ["incluse"], ["inclue"], ["inclu"]])) {
      this.seul(debut);
      return { type: "service", texte: "Inclus" };
    }
    if (this.prend(["oui"])) {
      this.seul(debut);
      return { type: "service", texte: "Oui" };
    }
    return null;
  }

  /** « Néant », « Inclus » and « Oui » say everything: anything after them is a mistake, not a detail. */
  private seul(debut: Jeton): void {
    if (this.c().type === "point" && this.a(1).type === "fin") this.i++;
    if (this.c().type === "fin") return;
    const mot = this.source.slice(debut.debut, this.j[this.i - 1]!.fin);
    this.erreur(
      this.c(),
      FIN_EXPRESSION,
      `« ${mot} » s'écrit seul dans la cellule : fin de l'expression attendue à la position ${this.pos(this.c())}, « ${this.trouve(this.c())} » trouvé`,
    );
  }

  // ── formule ────────────────────────────────────────────────────────────────────────────────────────────

  private formule(): Garantie {
    // « + 200 € » in an option column « en sus de la base »: the same term (see the grammar comment above).
    if (this.c().type === "plus") {
      this.i++;
      this.termeApresPlus();
    }
    // « RO + 50 € », « Sécu + 100 % BR »: the value comes on top of the RO.
    const s = this.i;
    const debut = this.c();
    if (this.ro() && this.c().type === "plus") {
      this.i++;
      this.poserConvention("RO_EN_SUS", { debut: debut.debut, fin: this.j[this.i - 1]!.fin });
    } else {
      this.i = s;
    }

    const termes: TermePeriode[] = [];
    this.somme(termes, false);

    while (this.c().type !== "fin") {
      if (this.c().type === "point" && this.a(1).type === "fin") {
        this.i++;
        break;
      }
      if (this.c().type === "separateur") {
        this.i++;
        if (!this.clause(true)) this.erreur(this.c(), "« max 4 / an », « dans la limite de … » ou « en sus du RO »");
        continue;
      }
      if (this.c().type === "parenG") {
        this.parenthese();
        continue;
      }
      if (!this.clause(false)) this.resteInattendu();
    }
    return this.construire(termes);
  }

  private resteInattendu(): never {
    const x = this.c();
    if (x.type === "parenD") this.erreur(x, "fin de l'expression", `parenthèse « ) » sans « ( » correspondante à la position ${this.pos(x)}`);
    if (x.type === "autre" && x.texte === "*") {
      this.erreur(x, "fin de l'expression", `astérisque à la position ${this.pos(x)} : un renvoi de note n'a pas sa place dans la cellule`);
    }
    if (x.type === "mot" && x.mot === "hors" && this.estMot(1, "reseau")) {
      this.erreur(
        x,
        "fin de l'expression",
        `« ${this.source.slice(x.debut, this.a(1).fin)} » à la position ${this.pos(x)} : une cellule porte une seule valeur (les variantes réseau et hors réseau sont deux valeurs distinctes)`,
      );
    }
    const avant = this.source.slice(0, x.debut).trim();
    this.erreur(
      x,
      "fin de l'expression",
      `fin de l'expression attendue à la position ${this.pos(x)} après « ${apercu(avant)} », « ${this.trouve(x)} » trouvé`,
    );
  }

  private construire(termes: readonly TermePeriode[]): Garantie {
    // « 0 », « 0 € », « 0 € / an », « 0 % BR en sus du RO »: nothing on top of the RO, i.e. no benefit.
    if (termes.every((tp) => estNul(tp.terme))) return NEANT;
    this.verifierUnites(termes);
    const f: { -readonly [K in keyof Formule]: Formule[K] } = {
      type: "formule",
      termes,
      convention: this.convention?.valeur ?? "RO_INCLUS",
      conventionExplicite: this.convention !== null,
    };
    if (this.limite) f.limite = this.limite;
    if (this.nombreMax) f.nombreMax = this.nombreMax;
    if (this.monture !== null) f.monture = this.monture;
    return f;
  }

  /**
   * A count of sessions, days… bounds the units of the amounts written « / séance », « / jour »: without such
   * an amount it would bound nothing, silently. One cell has one unit count (ctx.unites), so amounts per two
   * different units cannot be evaluated either.
   */
  private verifierUnites(termes: readonly TermePeriode[]): void {
    let unite: UniteTemps | null = null;
    for (const tp of [...termes, ...(this.limite ?? [])]) {
      if (!tp.periode || !UNITES[tp.periode.unite].parUnite || !seMultiplie(tp.terme)) continue;
      const u = tp.periode.unite;
      if (unite !== null && !memeCompteur(unite, u)) {
        const p = this.debutPeriode.get(tp) ?? 0;
        throw erreurSyntaxe(
          this.source,
          p,
          `« / ${UNITES[unite].singulier} »`,
          `/ ${UNITES[u].singulier}`,
          `une cellule ne compte qu'une sorte d'unité : « / ${UNITES[unite].singulier} » puis « / ${UNITES[u].singulier} » à la position ${this.pos(p)}`,
        );
      }
      unite = u;
    }
    const m = this.nombreMax;
    if (!m || (m.unite !== undefined && !UNITES[m.unite].parUnite)) return;
    const cible = m.unite;
    // « 30 € / séance (max 4 / an) »: the count bounds the amounts per unit.
    if (termes.some((tp) => estMontantParUnite(tp) && (cible === undefined || memeCompteur(cible, tp.periode!.unite)))) return;
    const limite = this.limite ?? [];
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
      this.source,
      this.nombreMaxDebut,
      attendu,
      texte,
      `le nombre maximum « ${texte} » (position ${this.pos(this.nombreMaxDebut)}) ne s'applique qu'à ${attendu} (ex. « 30 € / séance (max 4 séances / an) »)`,
    );
  }

  // ── clauses ────────────────────────────────────────────────────────────────────────────────────────────

  /** A convention, a limit or (when `compteNu`, after « , » or « ( ») a bare count. False when none starts here. */
  private clause(compteNu: boolean): boolean {
    if (this.clauseMonture()) return true;
    if (this.clauseConvention()) return true;
    if (this.clauseSansLimite()) return true;
    const debut = this.c();
    if (this.motLimite()) {
      this.contenuLimite(debut);
      return true;
    }
    if (compteNu && this.estDebutCompte()) {
      this.compte();
      return true;
    }
    return false;
  }

  private parenthese(): void {
    const ouvre = this.c();
    this.i++;
    if (this.c().type === "parenD") this.erreur(ouvre, "un contenu", `parenthèses vides à la position ${this.pos(ouvre)}`);
    if (this.c().type === "nombre" && this.a(1).type === "parenD") {
      this.erreur(ouvre, "« max 4 / an »", `« (${this.c().texte}) » à la position ${this.pos(ouvre)} ressemble à un renvoi de note : il n'a pas sa place dans la cellule`);
    }
    if (!this.clause(true)) this.erreur(this.c(), "« max 4 / an », « dans la limite de … » ou « en sus du RO »");
    if (this.c().type === "parenD") {
      this.i++;
      return;
    }
    if (this.c().type === "fin") {
      this.erreur(
        this.c(),
        "« ) »",
        `parenthèse ouverte à la position ${this.pos(ouvre)} jamais fermée : « ) » attendue à la position ${this.pos(this.c())} (${FIN_EXPRESSION})`,
      );
    }
    this.erreur(this.c(), "« ) »");
  }

  /** « dont 100 € monture max », « dont 30 € pour la monture »: the frame's share of the amount, at most. */
  private clauseMonture(): boolean {
    if (!this.estMot(0, "dont") || this.a(1).type !== "nombre") return false;
    const s = this.i;
    const debut = this.c();
    this.i++;
    const t = this.termeNombre();
    this.prendUnParmi([["pour", "la"], ["sur", "la"], ["de", "la"], ["de"], ["en"]]);
    if (t.type !== "montant" || !this.prend(["monture"])) {
      this.i = s;
      return false;
    }
    this.prendUnParmi([["maximum"], ["maxi"], ["max"]]);
    if (this.monture !== null) this.erreur(debut, "une seule part de monture", `part de la monture en double à la position ${this.pos(debut)}`);
    this.monture = t.cents;
    return true;
  }

  private clauseConvention(): boolean {
    const s = this.i;
    const debut = this.c();
    let valeur: Convention | null = null;
    const roRequis = (apres: string): void => {
      this.prendUnParmi(ARTICLES_RO);
      if (!this.ro()) this.erreur(this.c(), `« du RO » ou « de la Sécu » après « ${apres} »`);
    };
    if (this.prend(["en", "sus"])) {
      roRequis("en sus");
      valeur = "RO_EN_SUS";
    } else if (this.prend(["en", "complement"])) {
      roRequis("en complément");
      valeur = "RO_EN_SUS";
    } else if (this.voit(["en", "plus"]) && (this.estMot(2, "du", "de", "des", "d'") || this.estRo(2))) {
      this.i += 2;
      roRequis("en plus");
      valeur = "RO_EN_SUS";
    } else if (this.prend(["hors"])) {
      // « hors réseau » is not a convention: leave it to the caller's error.
      if (!this.ro()) {
        this.i = s;
        return false;
      }
      valeur = "RO_EN_SUS";
    } else if (this.prend(["y", "compris"])) {
      roRequis("y compris");
      valeur = "RO_INCLUS";
    } else if (this.prend(["dont"])) {
      roRequis("dont");
      valeur = "RO_INCLUS";
    } else if (this.ro()) {
      if (this.c().type === "mot" && INCLUS.has(this.c().mot)) {
        this.i++;
        if (this.c().type === "point") this.i++; // « RO incl. »
        valeur = "RO_INCLUS";
      }
    }
    if (valeur === null) {
      this.i = s;
      return false;
    }
    this.poserConvention(valeur, { debut: debut.debut, fin: this.j[this.i - 1]!.fin });
    return true;
  }

  /** « sans limitation de durée », « sans limite », « illimités »: says there is no limit; nothing to keep. */
  private clauseSansLimite(): boolean {
    const debut = this.c();
    if (debut.type !== "mot") return false;
    if (ILLIMITE.has(debut.mot)) {
      this.i++;
    } else if (debut.mot === "sans") {
      this.i++;
      const x = this.c();
      if (x.type !== "mot" || !SANS_LIMITE.has(x.mot)) this.erreur(x, "« limite » ou « limitation de durée » après « sans »");
      this.i++;
      if (this.prendUnParmi([["de"], ["d'"]]) && !this.prend(["duree"])) this.erreur(this.c(), "« durée » (« sans limitation de durée »)");
    } else {
      return false;
    }
    const c = { debut: debut.debut, fin: this.j[this.i - 1]!.fin };
    if (this.sansLimite) {
      throw erreurSyntaxe(
        this.source,
        c.debut,
        "une seule mention « sans limite »",
        this.source.slice(c.debut, c.fin),
        `deux mentions « sans limite » dans la même cellule (positions ${this.pos(this.sansLimite.debut)} et ${this.pos(c.debut)}) — une seule est attendue`,
      );
    }
    const autre = this.limiteClause ?? this.nombreMaxClause;
    if (autre) this.contradiction(autre, c);
    this.sansLimite = c;
    return true;
  }

  /** A limit or a count, and « sans limite » in the same cell: whichever comes second is reported. */
  private contradiction(premier: Clause, second: Clause): never {
    const a = this.source.slice(premier.debut, premier.fin);
    const b = this.source.slice(second.debut, second.fin);
    throw erreurSyntaxe(
      this.source,
      second.debut,
      "une limite ou « sans limite », pas les deux",
      b,
      `« ${a} » (position ${this.pos(premier.debut)}) et « ${b} » (position ${this.pos(second.debut)}) se contredisent : une cellule sans limite n'a ni plafond ni nombre maximum`,
    );
  }

  private poserConvention(valeur: Convention, c: Clause): void {
    const avant = this.convention;
    if (avant) {
      const premier = this.source.slice(avant.debut, avant.fin);
      const second = this.source.slice(c.debut, c.fin);
      throw erreurSyntaxe(
        this.source,
        c.debut,
        "une seule convention",
        second,
        `deux conventions dans la même cellule : « ${premier} » (position ${this.pos(avant.debut)}) et « ${second} » (position ${this.pos(c.debut)}) — une seule est attendue`,
      );
    }
    this.convention = { valeur, ...c };
  }

  /** « RO », « la Sécu », « le remboursement de la Sécurité sociale »… Consumes it and says so, or nothing. */
  private ro(): boolean {
    const s = this.i;
    this.prendUnParmi([["le"], ["la"], ["l'"]]);
    if (this.prend(["remboursement"])) this.prendUnParmi(ARTICLES_RO);
    if (this.prendUnParmi(NOYAUX_RO)) return true;
    this.i = s;
    return false;
  }

  private estRo(k: number): boolean {
    const s = this.i;
    this.i += k;
    const oui = this.ro();
    this.i = s;
    return oui;
  }

  /** Consumes the words announcing a limit (and the article after them). */
  private motLimite(): boolean {
    const s = this.i;
    if (this.prend(["dans", "la", "limite"]) || this.prend(["dans", "une", "limite"])) {
      this.prendUnParmi(ARTICLES);
      this.articleUn();
      return true;
    }
    if (this.c().type === "mot" && LIMITE.has(this.c().mot) && (this.estMot(1, "a", "au", "aux", "de", "d'"))) {
      this.i++;
      if (this.c().type === "mot" && A.has(this.c().mot)) this.i++;
      this.prendUnParmi(ARTICLES);
      return true;
    }
    if (this.voit(["plafond"]) && this.estMot(1, "de", "d'") && !this.estMot(2, "la", "l'")) {
      this.i += 2;
      this.articleUn();
      return true;
    }
    if (this.c().type === "mot" && (this.c().mot === "max" || this.c().mot === "maxi" || this.c().mot === "maximum")) {
      this.i++;
      if (this.c().type === "point") this.i++;
      this.prendUnParmi([["de"], ["d'"]]);
      return true;
    }
    if (this.prend(["jusqu'", "a"]) || this.prend(["jusqu'", "au"])) {
      this.prendUnParmi(ARTICLES);
      return true;
    }
    if (this.prend(["a", "concurrence"])) {
      this.prendUnParmi(ARTICLES);
      this.articleUn();
      return true;
    }
    this.i = s;
    return false;
  }

  private contenuLimite(debut: Jeton): void {
    if (this.estDebutCompte()) {
      this.compte(debut);
      return;
    }
    if (this.limite) {
      throw erreurSyntaxe(
        this.source,
        debut.debut,
        "une seule limite",
        this.source.slice(debut.debut, this.c().fin),
        `deux limites dans la même cellule (positions ${this.pos(this.limiteDebut)} et ${this.pos(debut)}) — une seule est attendue`,
      );
    }
    const termes: TermePeriode[] = [];
    this.limiteDebut = debut.debut;
    this.somme(termes, true);
    this.limite = termes;
    this.limiteClause = { debut: debut.debut, fin: this.j[this.i - 1]!.fin };
    if (this.sansLimite) this.contradiction(this.sansLimite, this.limiteClause);
  }

  /** « d'un forfait de 300 € »: the « un » goes, unless it counts a unit (« d'un équipement tous les 2 ans »). */
  private articleUn(): void {
    if (this.estMot(0, "un", "une") && !(this.a(1).type === "mot" && MOTS_UNITE.has(this.a(1).mot))) this.i++;
  }

  /** A number not followed by « % » or « € »: « 4 séances / an », « 4 / an », « un équipement / 2 ans ». */
  private estDebutCompte(): boolean {
    if (this.estMot(0, "un", "une")) return this.a(1).type === "mot" && MOTS_UNITE.has(this.a(1).mot);
    if (this.c().type !== "nombre") return false;
    const x = this.a(1);
    if (x.type === "pourcent" || x.type === "euro") return false;
    if (x.type === "mot" && (EUROS.has(x.mot) || x.mot === "pour")) return false;
    return true;
  }

  /** `debut`: where the clause starts, for messages (« max » in « max 4 / an »); the number when it is bare. */
  private compte(debut: Jeton = this.c()): void {
    const n = this.c();
    this.verifierUnSeulNombreMax(n);
    const nombre = n.type === "mot" ? 1 : this.entier(n, "un nombre entier de séances, de jours…");
    this.i++;
    let unite: UniteTemps | undefined;
    let par: UniteTemps | undefined;
    if (this.c().type === "mot") {
      const u = MOTS_UNITE.get(this.c().mot);
      if (u !== undefined) {
        if (!UNITES[u].denombrable) {
          this.erreur(this.c(), "« séances », « jours », « actes », « équipements »…");
        }
        unite = u;
        this.i++;
        this.complementUnite(u);
        if (this.c().type === "mot" && (this.c().mot === "max" || this.c().mot === "maximum")) this.i++;
        // « 1 aide auditive par oreille tous les 4 ans »: the item the renewal is counted per.
        const v = this.estMot(0, "par") && this.a(1).type === "mot" ? MOTS_UNITE.get(this.a(1).mot) : undefined;
        if (v !== undefined && v !== u && estObjet(u) && estObjet(v)) {
          this.i += 2;
          this.complementUnite(v);
          par = v;
        }
      }
    }
    const periode = this.periode();
    if (!periode) {
      this.erreur(this.c(), unite ? ATTENDU_PERIODE : `« € », « % » ou ${ATTENDU_PERIODE} après « ${n.texte} »`);
    }
    if (!UNITES[periode.unite].duree && periode.unite !== "beneficiaire") {
      this.erreur(this.a(-1), "une durée (« / an », « tous les 2 ans »…)");
    }
    this.poserNombreMax(unite ? (par ? { nombre, unite, par, periode } : { nombre, unite, periode }) : { nombre, periode }, n, debut);
  }

  private verifierUnSeulNombreMax(n: Jeton): void {
    if (this.nombreMax) {
      this.erreur(n, "un seul nombre maximum", `deux nombres maximum dans la même cellule (positions ${this.pos(this.nombreMaxDebut)} et ${this.pos(n)}) — un seul est attendu`);
    }
  }

  /** `n`: the number (or « tous ») existing messages point at; `debut`: the start of the whole clause. */
  private poserNombreMax(m: NonNullable<Formule["nombreMax"]>, n: Jeton, debut: Jeton = n): void {
    this.nombreMax = m;
    this.nombreMaxDebut = n.debut;
    this.nombreMaxClause = { debut: debut.debut, fin: this.j[this.i - 1]!.fin };
    if (this.sansLimite) this.contradiction(this.sansLimite, this.nombreMaxClause);
  }

  /** The words a unit may carry after it: « aide auditive(s) ». */
  private complementUnite(u: UniteTemps): void {
    if (u === "aide" && this.estMot(0, "auditive", "auditives")) this.i++;
  }

  // ── somme, terme, période ──────────────────────────────────────────────────────────────────────────────

  private somme(termes: TermePeriode[], dansLimite: boolean): void {
    termes.push(this.termePeriode(dansLimite));
    while (this.c().type === "plus") {
      const plus = this.c();
      this.i++;
      const s = this.i;
      if (this.ro()) {
        // « 100 % BR + RO », « 50 € + Sécu »: the amount is what the complementary adds to the RO.
        this.poserConvention("RO_EN_SUS", { debut: plus.debut, fin: this.j[this.i - 1]!.fin });
        continue;
      }
      this.i = s;
      this.termeApresPlus();
      termes.push(this.termePeriode(dansLimite));
    }
  }

  /** After a « + »: a term must follow, not the end or another « + ». */
  private termeApresPlus(): void {
    if (this.c().type === "fin" || this.c().type === "plus") {
      this.erreur(
        this.c(),
        ATTENDU_TERME,
        `un montant ou un pourcentage attendu après « + » à la position ${this.pos(this.c())}${this.c().type === "fin" ? ` (${FIN_EXPRESSION})` : `, « ${this.c().texte} » trouvé`}`,
      );
    }
  }

  private termePeriode(dansLimite: boolean): TermePeriode {
    const terme = this.terme(dansLimite);
    const debutPeriode = this.c();
    const periode = this.periode();
    if (!periode) return { terme };
    const tp = { terme, periode };
    this.debutPeriode.set(tp, debutPeriode.debut);
    if (UNITES[periode.unite].parUnite && periode.nombre !== 1) {
      this.erreur(
        debutPeriode,
        `« / ${UNITES[periode.unite].singulier} »`,
        `« / ${periode.nombre} ${UNITES[periode.unite].pluriel} » à la position ${this.pos(debutPeriode)} : un montant par ${UNITES[periode.unite].singulier} se compte à l'unité (« / ${UNITES[periode.unite].singulier} »)`,
      );
    }
    if (estObjet(periode.unite) && !periode.beneficiaire && (this.voit(["tous", "les"]) || this.voit(["toutes", "les"]))) this.renouvellement(periode.unite);
    return tp;
  }

  /**
   * « 200 € / équipement tous les 2 ans », « 1 700 € par oreille tous les 4 ans »: one item per period, i.e. the
   * count « (max 1 équipement / 2 ans) ». The amount keeps its period per item.
   */
  private renouvellement(objet: UniteTemps): void {
    const tous = this.c();
    this.verifierUnSeulNombreMax(tous);
    const periode = this.periode()!;
    if (!UNITES[periode.unite].duree) {
      const texte = this.source.slice(tous.debut, this.j[this.i - 1]!.fin);
      throw erreurSyntaxe(
        this.source,
        tous.debut,
        "une durée (« tous les 2 ans »)",
        texte,
        `« ${texte} » à la position ${this.pos(tous)} : une durée est attendue après « / ${UNITES[objet].singulier} » (« tous les 2 ans »)`,
      );
    }
    this.poserNombreMax({ nombre: 1, unite: objet, periode }, tous);
  }

  private terme(dansLimite: boolean): Terme {
    if (this.prendUnParmi([["forfait"], ["forfaits"]])) {
      this.prendUnParmi([["de"], ["d'"]]);
      if (this.c().type !== "nombre") this.erreur(this.c(), "un montant (« forfait 50 € »)");
    }
    const x = this.c();
    switch (x.type) {
      case "nombre":
        return this.termeNombre();
      case "tiret":
        if (this.a(1).type === "nombre") {
          this.erreur(x, "un nombre positif", `nombre négatif à la position ${this.pos(x)} : une garantie ne peut pas être négative`);
        }
        break;
      case "euro":
        if (this.a(1).type === "nombre") {
          this.erreur(x, "un montant", `le symbole « € » se place après le montant (« ${this.a(1).texte} € ») : montant attendu à la position ${this.pos(x)}, « € » trouvé`);
        }
        break;
      case "mot": {
        if (this.prend(["ticket", "moderateur"]) || this.prend(["tm"])) return { type: "pourcentage", taux: taux(1), base: "TM" };
        if (this.prendUnParmi([["aux", "frais", "reels"], ["au", "frais", "reels"], ["frais", "reels"], ["fr"]])) {
          return { type: "pourcentage", taux: taux(1), base: "FR" };
        }
        if (this.plafondLegal()) return { type: "plafondLegal" };
        const s = this.i;
        const base = this.base();
        if (base !== null) {
          // « dans la limite des PLV », « dans la limite de la BR »: the whole of that base.
          if (dansLimite) return { type: "pourcentage", taux: taux(1), base };
          this.i = s;
          this.erreur(x, `un pourcentage avant « ${x.texte} » (« 100 % ${BASE_EXEMPLE[base]} »)`, `un pourcentage attendu avant « ${x.texte} » à la position ${this.pos(x)} (ex. « ${BASE_EXEMPLE[base]} »)`);
        }
        this.basesInconnues(x);
        break;
      }
      default:
        break;
    }
    return this.erreur(x, ATTENDU_TERME);
  }

  private termeNombre(): Terme {
    const n = this.c();
    this.i++;
    const x = this.c();
    if (x.type === "pourcent" || this.voit(["pour", "cent"])) {
      this.i += x.type === "pourcent" ? 1 : 2;
      if (this.c().type === "pourcent") this.erreur(this.c(), "un seul « % »", `« % » en double à la position ${this.pos(this.c())}`);
      const t = this.pourcentage(n);
      return { type: "pourcentage", taux: t, base: this.basePourcentage() };
    }
    if (x.type === "euro" || (x.type === "mot" && EUROS.has(x.mot))) {
      this.i++;
      return { type: "montant", cents: this.cents(n) };
    }
    // « 0 » alone means no benefit (domain §2.5); any other bare number could be 150 % as well as 150 €.
    if (/^0+$/.test(n.entier) && /^0*$/.test(n.decimales)) return { type: "montant", cents: 0 };
    const u = x.type === "mot" ? MOTS_UNITE.get(x.mot) : undefined;
    if (u !== undefined) {
      this.erreur(
        n,
        "« % » ou « € »",
        `« ${n.texte} ${x.texte} » à la position ${this.pos(n)} : un nombre ${/^[aeiouyéè]/.test(UNITES[u].pluriel) ? "d'" : "de "}${UNITES[u].pluriel} sans montant — écrire par ex. « 30 € / ${UNITES[u].singulier} (max ${n.texte} ${n.texte === "1" ? UNITES[u].singulier : UNITES[u].pluriel} / an) »`,
      );
    }
    return this.erreur(
      x,
      "« % » ou « € »",
      `« % » ou « € » attendu après « ${n.texte} » à la position ${this.pos(x)}${x.type === "fin" ? ` (${FIN_EXPRESSION})` : `, « ${x.texte} » trouvé`}`,
    );
  }

  private basePourcentage(): BaseTaux {
    const s = this.i;
    const article = this.prendUnParmi(ARTICLES);
    const base = this.base();
    if (base !== null) return base;
    const x = this.c();
    if (x.type === "euro") this.erreur(x, ATTENDU_BASE);
    if (x.type === "mot" && x.mot === "sante") {
      this.erreur(
        x,
        ATTENDU_BASE,
        `« Santé » trouvé à la position ${this.pos(x)} : « 100 % Santé » est un panier, pas une garantie (écrire « Frais réels dans la limite des PLV » ou « … des HLF »)`,
      );
    }
    this.basesInconnues(x);
    if (article || (x.type === "mot" && !DEBUT_CLAUSE.has(x.mot))) this.erreur(x, ATTENDU_BASE);
    this.i = s;
    return "BR";
  }

  private basesInconnues(x: Jeton): void {
    if (x.type !== "mot") return;
    if (x.mot === "pss" || x.mot === "pass") {
      this.erreur(x, "« PMSS »", `« ${x.texte} » à la position ${this.pos(x)} : seul le plafond mensuel est reconnu, écrire « PMSS » (ex. « 1,5 % PMSS »)`);
    }
  }

  private base(): BaseTaux | null {
    for (const [mots, base] of MOTS_BASE) if (this.prend(mots)) return base;
    return null;
  }

  /** « le plafond réglementaire », « les plafonds du contrat responsable »: the legal cap of the line. */
  private plafondLegal(): boolean {
    const s = this.i;
    this.prendUnParmi([["le"], ["les"]]);
    if (
      this.prendUnParmi([["plafond"], ["plafonds"]]) &&
      this.prendUnParmi([
        ["du", "contrat", "responsable"],
        ["des", "contrats", "responsables"],
        ["responsable"],
        ["responsables"],
        ["reglementaire"],
        ["reglementaires"],
        ["legal"],
        ["legaux"],
      ])
    ) {
      return true;
    }
    this.i = s;
    return false;
  }

  private periode(): Periode | null {
    const s = this.i;
    let nombre = 1;
    let unite: UniteTemps;
    if (this.c().type === "barre" || this.estMot(0, "par")) {
      this.i++;
      [nombre, unite] = this.nombreEtUnite();
    } else if (this.voit(["tous", "les"]) || this.voit(["toutes", "les"])) {
      this.i += 2;
      [nombre, unite] = this.nombreEtUnite();
    } else if (this.estMot(0, "chaque")) {
      this.i++;
      [nombre, unite] = this.nombreEtUnite();
    } else {
      return null;
    }
    // « / œil / an », « par œil, par année civile et par bénéficiaire »: an item, then the envelope's duration (« tous
    // les 2 ans » after an item is a count instead: see renouvellement).
    if (estObjet(unite)) {
      const sd = this.i;
      if (this.c().type === "separateur" && (this.a(1).type === "barre" || this.estMot(1, "par") || (this.estMot(1, "et") && this.estMot(2, "par")))) this.i++;
      if (this.c().type === "barre" || this.estMot(0, "par") || this.voit(["et", "par"])) {
        this.i += this.voit(["et", "par"]) ? 2 : 1;
        const x = this.c();
        const d = x.type === "nombre" ? MOTS_UNITE.get(this.a(1).type === "mot" ? this.a(1).mot : "") : x.type === "mot" ? MOTS_UNITE.get(x.mot) : undefined;
        if (d !== undefined && UNITES[d].duree) {
          const [n2, u2] = this.nombreEtUnite();
          const duree = { nombre: n2, unite: u2 };
          const s3 = this.i;
          if (this.c().type === "separateur" && (this.a(1).type === "barre" || this.estMot(1, "par") || (this.estMot(1, "et") && this.estMot(2, "par")))) this.i++;
          if (this.c().type === "barre" || this.estMot(0, "par") || this.voit(["et", "par"])) {
            this.i += this.voit(["et", "par"]) ? 2 : 1;
            if (this.c().type === "mot" && MOTS_UNITE.get(this.c().mot) === "beneficiaire") {
              this.i++;
              return { nombre, unite, beneficiaire: true, duree };
            }
          }
          this.i = s3;
          return { nombre, unite, duree };
        }
      }
      this.i = sd;
    }
    // « / an / bénéficiaire », « par an et par bénéficiaire », « par bénéficiaire et par an ».
    const s2 = this.i;
    if (this.c().type === "barre" || this.estMot(0, "par") || this.voit(["et", "par"])) {
      this.i += this.voit(["et", "par"]) ? 2 : 1;
      const [n2, u2] = this.nombreEtUnite();
      if (unite !== "beneficiaire" && u2 === "beneficiaire" && n2 === 1) return { nombre, unite, beneficiaire: true };
      if (unite === "beneficiaire" && nombre === 1 && UNITES[u2].duree) return { nombre: n2, unite: u2, beneficiaire: true };
      this.erreur(
        this.j[s2]!,
        "« bénéficiaire » ou la fin de la période",
        `une seule période attendue : « ${this.source.slice(this.j[s]!.debut, this.j[s2 - 1]!.fin)} » puis « ${this.source.slice(this.j[s2]!.debut, this.j[this.i - 1]!.fin)} » à la position ${this.pos(this.j[s2]!)} (seul « / bénéficiaire » peut s'ajouter)`,
      );
    }
    return { nombre, unite };
  }

  private nombreEtUnite(): [number, UniteTemps] {
    let nombre = 1;
    const apres = this.a(1);
    const barre = this.a(-1);
    if (barre.type === "barre" && this.c().type === "nombre" && (apres.type === "euro" || apres.type === "pourcent" || (apres.type === "mot" && EUROS.has(apres.mot)))) {
      this.erreur(
        barre,
        ATTENDU_UNITE,
        `deux valeurs séparées par « ${barre.texte} » à la position ${this.pos(barre)} (réseau / hors réseau ?) : une cellule porte une seule valeur, « / » y introduit une période (« / an »)`,
      );
    }
    if (this.c().type === "nombre") {
      nombre = this.entier(this.c(), "un nombre entier (« / 2 ans »)");
      this.i++;
    }
    const x = this.c();
    const u = x.type === "mot" ? MOTS_UNITE.get(x.mot) : undefined;
    if (u === undefined) this.erreur(x, ATTENDU_UNITE);
    if (nombre > 1 && !UNITES[u].duree) {
      const n = this.a(-1);
      this.erreur(
        n,
        "une durée (« / 2 ans »)",
        `« ${n.texte} ${x.texte} » à la position ${this.pos(n)} : seule une durée se compte par plusieurs (« / 2 ans », « tous les 2 ans »)`,
      );
    }
    this.i++;
    if (u === "an" && this.estMot(0, "civile", "civiles")) this.i++;
    this.complementUnite(u);
    return [nombre, u];
  }

  // ── nombres ────────────────────────────────────────────────────────────────────────────────────────────

  private ambigu(n: Jeton): never {
    const decimal = `${n.entier},${n.decimales}`.replace(/0+$/, "").replace(/,$/, "");
    this.erreur(
      n,
      "un nombre sans ambiguïté",
      `nombre ambigu à la position ${this.pos(n)} : « ${n.texte} » (séparateur de milliers ou décimal ?) — écrire « ${n.entier}${n.decimales} » ou « ${decimal} »`,
    );
  }

  private pourcentage(n: Jeton): Taux {
    // « 2,250 % » is a French decimal; « 1.500 % » may be 1500 % written the English way.
    if (n.ambigu && n.texte.includes(".")) this.ambigu(n);
    const chiffres = (n.entier + n.decimales).replace(/^0+(?=\d)/, "");
    let t: Taux | null = null;
    if (chiffres.length <= 15) {
      try {
        t = taux(Number(chiffres), n.decimales.length + 2);
      } catch (e) {
        if (!(e instanceof RembError)) throw e;
      }
    }
    if (t === null) this.erreur(n, "un pourcentage d'au plus 13 décimales", `pourcentage trop précis à la position ${this.pos(n)} : « ${n.texte} % »`);
    if (comparerTaux(t, POURCENT_MAX) > 0) {
      this.erreur(n, "un pourcentage d'au plus 10 000 %", `pourcentage trop élevé à la position ${this.pos(n)} : « ${n.texte} % » (10 000 % au plus)`);
    }
    return t;
  }

  private cents(n: Jeton): Cents {
    if (n.ambigu) this.ambigu(n);
    if (n.decimales.length > 2) {
      this.erreur(n, "un montant au centime près", `montant au centime près attendu à la position ${this.pos(n)}, « ${n.texte} » trouvé`);
    }
    const entier = n.entier.replace(/^0+(?=\d)/, "");
    const c = entier.length > 10 ? Infinity : Number(entier) * 100 + Number(n.decimales.padEnd(2, "0"));
    if (c > CENTS_MAX) {
      this.erreur(n, "un montant d'au plus 1 000 000 000 €", `montant trop élevé à la position ${this.pos(n)} : « ${n.texte} € » (1 000 000 000 € au plus)`);
    }
    return c;
  }

  private entier(n: Jeton, attendu: string): number {
    if (n.decimales !== "" || n.ambigu) this.erreur(n, attendu, `nombre entier attendu à la position ${this.pos(n)}, « ${n.texte} » trouvé`);
    const v = n.entier.length > 6 ? Infinity : Number(n.entier);
    if (v < 1 || v > ENTIER_MAX) {
      this.erreur(n, attendu, `nombre entre 1 et ${ENTIER_MAX} attendu à la position ${this.pos(n)}, « ${n.texte} » trouvé`);
    }
    return v;
  }
}

const BASE_EXEMPLE: Readonly<Record<BaseTaux, string>> = {
  BR: "150 % BR",
  TM: "100 % TM",
  FR: "100 % FR",
  PMSS: "1,5 % PMSS",
  PLV: "100 % PLV",
  HLF: "100 % HLF",
};

function estNul(t: Terme): boolean {
  return (t.type === "montant" && t.cents === 0) || (t.type === "pourcentage" && t.taux.num === 0);
}

// ── memoised entry point ─────────────────────────────────────────────────────────────────────────────────

/** A grid has a few hundred distinct cells; a claims table a handful. Beyond this, the oldest entries go. */
const MEMO_MAX = 4096;
const memo = new Map<string, Garantie | RembError>();

/**
 * Parses a guarantee cell into its AST. Memoised by the exact text: a hit returns the same frozen object (or
 * re-throws the same RembError) without allocating, which keeps 100 000-row evaluations fast.
 */
export function parseGarantie(texte: string): Garantie {
  const hit = memo.get(texte);
  if (hit !== undefined) {
    if (hit instanceof RembError) throw hit;
    return hit;
  }
  if (typeof texte !== "string") {
    throw argumentInvalide(`Garantie invalide : une expression texte est attendue (« 150 % BR »), ${typeof texte} reçu.`);
  }
  // Not cached: the check is immediate, and 4 096 Excel cells of 32 767 characters would hold 130 Mo.
  if (texte.length > TEXTE_MAX) {
    throw erreurSyntaxe(
      texte,
      TEXTE_MAX,
      `au plus ${TEXTE_MAX} caractères`,
      `${texte.length} caractères`,
      `expression trop longue (${texte.length} caractères, ${TEXTE_MAX} au plus) : une cellule de garantie tient en une ligne`,
    );
  }
  let resultat: Garantie | RembError;
  try {
    resultat = figer(new Analyseur(texte).analyser());
  } catch (e) {
    if (!(e instanceof RembError)) throw e;
    resultat = e;
    // A long-hand wording real grids print (formes-imprimees.ts): read it in canonical words, else keep this error.
    const forme = formeImprimee(texte);
    if (forme !== undefined) {
      try {
        resultat = figer(typeof forme === "string" ? new Analyseur(forme).analyser() : forme);
      } catch (e2) {
        if (!(e2 instanceof RembError)) throw e2;
      }
    }
  }
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(texte, resultat);
  if (resultat instanceof RembError) throw resultat;
  return resultat;
}

/** Cached ASTs are shared by every caller: freezing them makes an accidental mutation fail loudly. */
function figer<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) figer(v);
    Object.freeze(x);
  }
  return x;
}
