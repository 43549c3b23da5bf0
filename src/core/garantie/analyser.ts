import { taux } from "../money";
import { NEANT, type BaseTaux, type Convention, type Formule, type Garantie, type Periode, type Terme, type TermePeriode, type UniteTemps } from "./ast";
import { estObjet } from "./compte";
import { apercu, erreurSyntaxe, FIN_EXPRESSION, motTrouve } from "./erreurSyntaxe";
import { decouper, type Jeton } from "./jetons";
import { ClausesLues, type NoeudClause } from "./clauses";
import { centsDuJeton, entierDuJeton, pourcentageDuJeton } from "./nombres-jetons";
import { verifierUnites } from "./verifier-unites";
import {
  A,
  ARTICLES,
  ARTICLES_RO,
  ATTENDU_BASE,
  ATTENDU_PERIODE,
  ATTENDU_TERME,
  ATTENDU_UNITE,
  BASE_EXEMPLE,
  DEBUT_CLAUSE,
  EUROS,
  ILLIMITE,
  INCLUS,
  LIMITE,
  MOTS_BASE,
  MOTS_UNITE,
  NOYAUX_RO,
  SANS_LIMITE,
  UNITES,
} from "./vocabulaire";

/*
 * Grammar of a guarantee cell (docs/langage-garanties.md, docs/modele-de-calcul.md §5). Keywords are
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
 *   clause      := convention | limite (compte | somme) | compte | sans-limite | minimum | monture
 *                                   (a bare compte only after « , » or « ( »)
 *   minimum     := (« avec un minimum » | « au minimum » | « minimum ») [article] somme   (« avec un minimum de 175 % BR »)
 *   monture     := « dont » montant [« pour la » | « de »] « monture » [« max »]         (« 420 € dont 100 € monture max »)
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
 * the column, which the grid model reads from its header (niveaux.ts: SOCLE_EN_SUS / SOCLE_INCLUS, docs/modele-de-calcul.md §6) and
 * applies to every cell of the column, with or without the « + ». Refusing the « + » would make such grids
 * unreadable without saying anything the header does not already say; keeping it in the AST would give it a second,
 * competing convention. It is not the RO convention: « + RO » / « + Sécu » still mean « en sus du RO » wherever
 * they stand (« + Sécu + 100 % BR » = « 100 % BR en sus du RO »), and « + » alone or before nothing is an error.
 *
 * One precedence level per method below (formule → clause → somme → terme-période → terme). Everything that is
 * not understood is an error naming the position, what was expected and what was found: nothing is skipped.
 */

export class Analyseur {
  /** Where the grammar stands in `jetons`: the next token to read. */
  private curseur = 0;
  private readonly jetons: readonly Jeton[];
  /** What the cell's clauses said (clauses.ts): each clause method returns a node, kept there. */
  private readonly clauses: ClausesLues;
  /** Where each term's period starts, to point at the second unit when a cell mixes two. */
  private readonly debutPeriode = new Map<TermePeriode, number>();

  constructor(private readonly source: string) {
    this.jetons = decouper(source);
    this.clauses = new ClausesLues(source);
  }

  /** Moves past `n` tokens. */
  private avancer(n = 1): void {
    this.curseur += n;
  }

  /** Where to come back to when an optional phrase turns out not to be there (see revenirA). */
  private marque(): number {
    return this.curseur;
  }

  /** Backtracks to a marque: the words read since then were not the phrase tried. */
  private revenirA(marque: number): void {
    this.curseur = marque;
  }

  /** The current token (a method, not a getter: TypeScript would otherwise keep a narrowing across `i++`). */
  private courant(): Jeton {
    return this.jetons[this.curseur]!;
  }

  private aDistance(k: number): Jeton {
    return this.jetons[Math.max(0, Math.min(this.curseur + k, this.jetons.length - 1))]!;
  }

  private estMot(k: number, ...mots: string[]): boolean {
    const x = this.aDistance(k);
    return x.type === "mot" && mots.includes(x.mot);
  }

  /** The next words are exactly `mots` (folded). */
  private voit(mots: readonly string[]): boolean {
    for (let k = 0; k < mots.length; k++) {
      const x = this.aDistance(k);
      if (x.type !== "mot" || x.mot !== mots[k]) return false;
    }
    return true;
  }

  private prend(mots: readonly string[]): boolean {
    if (!this.voit(mots)) return false;
    this.avancer(mots.length);
    return true;
  }

  private prendUnParmi(suites: readonly (readonly string[])[]): boolean {
    for (const suite of suites) if (this.prend(suite)) return true;
    return false;
  }

  private trouve(x: Jeton): string {
    return x.type === "fin" ? FIN_EXPRESSION : motTrouve(x.texte);
  }

  private erreur(x: Jeton, attendu: string, explication?: string): never {
    throw erreurSyntaxe(this.source, x.debut, attendu, this.trouve(x), explication);
  }

  private position(x: Jeton | number): number {
    return (typeof x === "number" ? x : x.debut) + 1;
  }

  // ── cellule ────────────────────────────────────────────────────────────────────────────────────────────

  analyser(): Garantie {
    if (this.courant().type === "fin") return NEANT;
    const simple = this.neantOuService();
    if (simple) return simple;
    return this.formule();
  }

  private neantOuService(): Garantie | null {
    if (this.courant().type === "tiret") {
      if (this.aDistance(1).type === "fin") return NEANT;
      return null; // « -50 € »: the term parser explains the negative amount
    }
    if (this.courant().type !== "mot") return null;
    const debut = this.courant();
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
    if (this.courant().type === "point" && this.aDistance(1).type === "fin") this.avancer();
    if (this.courant().type === "fin") return;
    const mot = this.source.slice(debut.debut, this.jetons[this.curseur - 1]!.fin);
    this.erreur(
      this.courant(),
      FIN_EXPRESSION,
      `« ${mot} » s'écrit seul dans la cellule : fin de l'expression attendue à la position ${this.position(this.courant())}, « ${this.trouve(this.courant())} » trouvé`,
    );
  }

  // ── formule ────────────────────────────────────────────────────────────────────────────────────────────

  private formule(): Garantie {
    // « + 200 € » in an option column « en sus de la base »: the same term (see the grammar comment above).
    if (this.courant().type === "plus") {
      this.avancer();
      this.termeApresPlus();
    }
    // « RO + 50 € », « Sécu + 100 % BR »: the value comes on top of the RO.
    const retour = this.marque();
    const debut = this.courant();
    if (this.ro() && this.courant().type === "plus") {
      this.avancer();
      this.clauses.retenir({ sorte: "convention", valeur: "RO_EN_SUS", debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin });
    } else {
      this.revenirA(retour);
    }

    const termes: TermePeriode[] = [];
    this.somme(termes, false);

    while (this.courant().type !== "fin") {
      if (this.courant().type === "point" && this.aDistance(1).type === "fin") {
        this.avancer();
        break;
      }
      if (this.courant().type === "separateur") {
        this.avancer();
        const n = this.clause(true);
        if (!n) this.erreur(this.courant(), "« max 4 / an », « dans la limite de … » ou « en sus du RO »");
        this.clauses.retenir(n);
        continue;
      }
      if (this.courant().type === "parenG") {
        this.parenthese();
        continue;
      }
      const n = this.clause(false);
      if (!n) this.resteInattendu();
      this.clauses.retenir(n);
    }
    return this.construire(termes);
  }

  private resteInattendu(): never {
    const x = this.courant();
    if (x.type === "parenD") this.erreur(x, "fin de l'expression", `parenthèse « ) » sans « ( » correspondante à la position ${this.position(x)}`);
    if (x.type === "autre" && x.texte === "*") {
      this.erreur(x, "fin de l'expression", `astérisque à la position ${this.position(x)} : un renvoi de note n'a pas sa place dans la cellule`);
    }
    if (x.type === "mot" && x.mot === "hors" && this.estMot(1, "reseau")) {
      this.erreur(
        x,
        "fin de l'expression",
        `« ${this.source.slice(x.debut, this.aDistance(1).fin)} » à la position ${this.position(x)} : une cellule porte une seule valeur (les variantes réseau et hors réseau sont deux valeurs distinctes)`,
      );
    }
    const avant = this.source.slice(0, x.debut).trim();
    this.erreur(
      x,
      "fin de l'expression",
      `fin de l'expression attendue à la position ${this.position(x)} après « ${apercu(avant, avant.length)} », « ${this.trouve(x)} » trouvé`,
    );
  }

  private construire(termes: readonly TermePeriode[]): Garantie {
    // « 0 », « 0 € », « 0 € / an », « 0 % BR en sus du RO »: nothing on top of the RO, i.e. no benefit.
    if (termes.every((tp) => estNul(tp.terme))) return NEANT;
    const c = this.clauses;
    const f: { -readonly [K in keyof Formule]: Formule[K] } = {
      type: "formule",
      termes,
      convention: c.convention?.valeur ?? "RO_INCLUS",
      conventionExplicite: c.convention !== null,
    };
    if (c.limite) f.limite = c.limite.termes;
    if (c.minimum) f.minimum = c.minimum.termes;
    if (c.compte) f.nombreMax = c.compte.nombreMax;
    if (c.monture) f.monture = c.monture.cents;
    verifierUnites(this.source, f, this.debutPeriode, c.compte?.nombre ?? 0);
    return f;
  }

  // ── clauses ────────────────────────────────────────────────────────────────────────────────────────────

  /** A convention, a limit or (when `compteNu`, after « , » or « ( ») a bare count; null when none starts here. */
  private clause(compteNu: boolean): NoeudClause | null {
    const n = this.clauseMonture() ?? this.clauseMinimum() ?? this.clauseConvention() ?? this.clauseSansLimite();
    if (n) return n;
    const debut = this.courant();
    if (this.motLimite()) return this.contenuLimite(debut);
    if (compteNu && this.estDebutCompte()) return this.compte();
    return null;
  }

  private parenthese(): void {
    const ouvre = this.courant();
    this.avancer();
    if (this.courant().type === "parenD") this.erreur(ouvre, "un contenu", `parenthèses vides à la position ${this.position(ouvre)}`);
    if (this.courant().type === "nombre" && this.aDistance(1).type === "parenD") {
      this.erreur(
        ouvre,
        "« max 4 / an »",
        `« (${this.courant().texte}) » à la position ${this.position(ouvre)} ressemble à un renvoi de note : il n'a pas sa place dans la cellule`,
      );
    }
    const n = this.clause(true);
    if (!n) this.erreur(this.courant(), "« max 4 / an », « dans la limite de … » ou « en sus du RO »");
    this.clauses.retenir(n);
    if (this.courant().type === "parenD") {
      this.avancer();
      return;
    }
    if (this.courant().type === "fin") {
      this.erreur(
        this.courant(),
        "« ) »",
        `parenthèse ouverte à la position ${this.position(ouvre)} jamais fermée : « ) » attendue à la position ${this.position(this.courant())} (${FIN_EXPRESSION})`,
      );
    }
    this.erreur(this.courant(), "« ) »");
  }

  /** « dont 100 € monture max », « dont 30 € pour la monture »: the frame's share of the amount, at most. */
  private clauseMonture(): NoeudClause | null {
    if (!this.estMot(0, "dont") || this.aDistance(1).type !== "nombre") return null;
    const retour = this.marque();
    const debut = this.courant();
    this.avancer();
    const t = this.termeNombre();
    this.prendUnParmi([["pour", "la"], ["sur", "la"], ["de", "la"], ["de"], ["en"]]);
    if (t.type !== "montant" || !this.prend(["monture"])) {
      this.revenirA(retour);
      return null;
    }
    this.prendUnParmi([["maximum"], ["maxi"], ["max"]]);
    return { sorte: "monture", cents: t.cents, debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  /** « avec un minimum de 175 % BR », « minimum ticket modérateur », « au minimum 100 % BR »: a floor of the cell. */
  private clauseMinimum(): NoeudClause | null {
    const retour = this.marque();
    const debut = this.courant();
    if (!(this.prend(["avec", "un", "minimum"]) || this.prend(["au", "minimum"]) || this.prend(["minimum"]))) return null;
    this.prendUnParmi([["de"], ["d'"], ["du"], ["des"]]);
    const x = this.courant();
    const terme = x.type === "nombre" || (x.type === "mot" && (x.mot === "ticket" || x.mot === "tm" || x.mot === "frais" || x.mot === "fr"));
    if (!terme) {
      this.revenirA(retour);
      return null;
    }
    const termes: TermePeriode[] = [];
    this.somme(termes, false);
    return { sorte: "minimum", termes, debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  private clauseConvention(): NoeudClause | null {
    const retour = this.marque();
    const debut = this.courant();
    let valeur: Convention | null = null;
    const roRequis = (apres: string): void => {
      this.prendUnParmi(ARTICLES_RO);
      if (!this.ro()) this.erreur(this.courant(), `« du RO » ou « de la Sécu » après « ${apres} »`);
    };
    if (this.prend(["en", "sus"])) {
      roRequis("en sus");
      valeur = "RO_EN_SUS";
    } else if (this.prend(["en", "complement"])) {
      roRequis("en complément");
      valeur = "RO_EN_SUS";
    } else if (this.voit(["en", "plus"]) && (this.estMot(2, "du", "de", "des", "d'") || this.estRo(2))) {
      this.avancer(2);
      roRequis("en plus");
      valeur = "RO_EN_SUS";
    } else if (this.prend(["hors"])) {
      // « hors réseau » is not a convention: leave it to the caller's error.
      if (!this.ro()) {
        this.revenirA(retour);
        return null;
      }
      valeur = "RO_EN_SUS";
    } else if (this.prend(["y", "compris"])) {
      roRequis("y compris");
      valeur = "RO_INCLUS";
    } else if (this.prend(["dont"])) {
      roRequis("dont");
      valeur = "RO_INCLUS";
    } else if (this.ro()) {
      if (this.courant().type === "mot" && INCLUS.has(this.courant().mot)) {
        this.avancer();
        if (this.courant().type === "point") this.avancer(); // « RO incl. »
        valeur = "RO_INCLUS";
      }
    }
    if (valeur === null) {
      this.revenirA(retour);
      return null;
    }
    return { sorte: "convention", valeur, debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  /** « sans limitation de durée », « sans limite », « illimités »: says there is no limit; nothing to keep. */
  private clauseSansLimite(): NoeudClause | null {
    const debut = this.courant();
    if (debut.type !== "mot") return null;
    if (ILLIMITE.has(debut.mot)) {
      this.avancer();
    } else if (debut.mot === "sans") {
      this.avancer();
      const x = this.courant();
      if (x.type !== "mot" || !SANS_LIMITE.has(x.mot)) this.erreur(x, "« limite » ou « limitation de durée » après « sans »");
      this.avancer();
      if (this.prendUnParmi([["de"], ["d'"]]) && !this.prend(["duree"])) this.erreur(this.courant(), "« durée » (« sans limitation de durée »)");
    } else {
      return null;
    }
    return { sorte: "sansLimite", debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  /** « RO », « la Sécu », « le remboursement de la Sécurité sociale »… Consumes it and says so, or nothing. */
  private ro(): boolean {
    const retour = this.marque();
    this.prendUnParmi([["le"], ["la"], ["l'"]]);
    if (this.prend(["remboursement"])) this.prendUnParmi(ARTICLES_RO);
    if (this.prendUnParmi(NOYAUX_RO)) return true;
    this.revenirA(retour);
    return false;
  }

  private estRo(k: number): boolean {
    const retour = this.marque();
    this.avancer(k);
    const oui = this.ro();
    this.revenirA(retour);
    return oui;
  }

  /** Consumes the words announcing a limit (and the article after them). */
  private motLimite(): boolean {
    const retour = this.marque();
    if (this.prend(["dans", "la", "limite"]) || this.prend(["dans", "une", "limite"])) {
      this.prendUnParmi(ARTICLES);
      this.articleUn();
      return true;
    }
    if (this.courant().type === "mot" && LIMITE.has(this.courant().mot) && this.estMot(1, "a", "au", "aux", "de", "d'")) {
      this.avancer();
      if (this.courant().type === "mot" && A.has(this.courant().mot)) this.avancer();
      this.prendUnParmi(ARTICLES);
      return true;
    }
    if (this.voit(["plafond"]) && this.estMot(1, "de", "d'") && !this.estMot(2, "la", "l'")) {
      this.avancer(2);
      this.articleUn();
      return true;
    }
    if (this.courant().type === "mot" && (this.courant().mot === "max" || this.courant().mot === "maxi" || this.courant().mot === "maximum")) {
      this.avancer();
      if (this.courant().type === "point") this.avancer();
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
    this.revenirA(retour);
    return false;
  }

  private contenuLimite(debut: Jeton): NoeudClause {
    if (this.estDebutCompte()) return this.compte(debut);
    this.clauses.uneSeuleLimite(debut.debut, this.courant().fin);
    const termes: TermePeriode[] = [];
    this.somme(termes, true);
    return { sorte: "limite", termes, debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  /** « d'un forfait de 300 € »: the « un » goes, unless it counts a unit (« d'un équipement tous les 2 ans »). */
  private articleUn(): void {
    if (this.estMot(0, "un", "une") && !(this.aDistance(1).type === "mot" && MOTS_UNITE.has(this.aDistance(1).mot))) this.avancer();
  }

  /** A number not followed by « % » or « € »: « 4 séances / an », « 4 / an », « un équipement / 2 ans ». */
  private estDebutCompte(): boolean {
    if (this.estMot(0, "un", "une")) return this.aDistance(1).type === "mot" && MOTS_UNITE.has(this.aDistance(1).mot);
    if (this.courant().type !== "nombre") return false;
    const x = this.aDistance(1);
    if (x.type === "pourcent" || x.type === "euro") return false;
    if (x.type === "mot" && (EUROS.has(x.mot) || x.mot === "pour")) return false;
    return true;
  }

  /** `debut`: where the clause starts, for messages (« max » in « max 4 / an »); the number when it is bare. */
  private compte(debut: Jeton = this.courant()): NoeudClause {
    const n = this.courant();
    this.clauses.unSeulCompte(n.debut, n.texte);
    const nombre = n.type === "mot" ? 1 : entierDuJeton(this.source, n, "un nombre entier de séances, de jours…");
    this.avancer();
    let unite: UniteTemps | undefined;
    let par: UniteTemps | undefined;
    if (this.courant().type === "mot") {
      const u = MOTS_UNITE.get(this.courant().mot);
      if (u !== undefined) {
        if (!UNITES[u].denombrable) {
          this.erreur(this.courant(), "« séances », « jours », « actes », « équipements »…");
        }
        unite = u;
        this.avancer();
        this.complementUnite(u);
        if (this.courant().type === "mot" && (this.courant().mot === "max" || this.courant().mot === "maximum")) this.avancer();
        // « 1 aide auditive par oreille tous les 4 ans »: the item the renewal is counted per.
        const v = this.estMot(0, "par") && this.aDistance(1).type === "mot" ? MOTS_UNITE.get(this.aDistance(1).mot) : undefined;
        if (v !== undefined && v !== u && estObjet(u) && estObjet(v)) {
          this.avancer(2);
          this.complementUnite(v);
          par = v;
        }
      }
    }
    const periode = this.periode();
    if (!periode) {
      this.erreur(this.courant(), unite ? ATTENDU_PERIODE : `« € », « % » ou ${ATTENDU_PERIODE} après « ${n.texte} »`);
    }
    if (!UNITES[periode.unite].duree && periode.unite !== "beneficiaire") {
      this.erreur(this.aDistance(-1), "une durée (« / an », « tous les 2 ans »…)");
    }
    const nombreMax = unite ? (par ? { nombre, unite, par, periode } : { nombre, unite, periode }) : { nombre, periode };
    return { sorte: "compte", nombreMax, nombre: n.debut, debut: debut.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  /** The words a unit may carry after it: « aide auditive(s) ». */
  private complementUnite(u: UniteTemps): void {
    if (u === "aide" && this.estMot(0, "auditive", "auditives")) this.avancer();
  }

  // ── somme, terme, période ──────────────────────────────────────────────────────────────────────────────

  private somme(termes: TermePeriode[], dansLimite: boolean): void {
    termes.push(this.termePeriode(dansLimite));
    while (this.courant().type === "plus") {
      const plus = this.courant();
      this.avancer();
      const retour = this.marque();
      if (this.ro()) {
        // « 100 % BR + RO », « 50 € + Sécu »: the amount is what the complementary adds to the RO.
        this.clauses.retenir({ sorte: "convention", valeur: "RO_EN_SUS", debut: plus.debut, fin: this.jetons[this.curseur - 1]!.fin });
        continue;
      }
      this.revenirA(retour);
      this.termeApresPlus();
      termes.push(this.termePeriode(dansLimite));
    }
  }

  /** After a « + »: a term must follow, not the end or another « + ». */
  private termeApresPlus(): void {
    if (this.courant().type === "fin" || this.courant().type === "plus") {
      this.erreur(
        this.courant(),
        ATTENDU_TERME,
        `un montant ou un pourcentage attendu après « + » à la position ${this.position(this.courant())}${this.courant().type === "fin" ? ` (${FIN_EXPRESSION})` : `, « ${this.courant().texte} » trouvé`}`,
      );
    }
  }

  private termePeriode(dansLimite: boolean): TermePeriode {
    const terme = this.terme(dansLimite);
    const debutPeriode = this.courant();
    const periode = this.periode();
    if (!periode) return { terme };
    const tp = { terme, periode };
    this.debutPeriode.set(tp, debutPeriode.debut);
    if (UNITES[periode.unite].parUnite && periode.nombre !== 1) {
      this.erreur(
        debutPeriode,
        `« / ${UNITES[periode.unite].singulier} »`,
        `« / ${periode.nombre} ${UNITES[periode.unite].pluriel} » à la position ${this.position(debutPeriode)} : un montant par ${UNITES[periode.unite].singulier} se compte à l'unité (« / ${UNITES[periode.unite].singulier} »)`,
      );
    }
    if (estObjet(periode.unite) && !periode.beneficiaire && (this.voit(["tous", "les"]) || this.voit(["toutes", "les"])))
      this.clauses.retenir(this.renouvellement(periode.unite));
    return tp;
  }

  /**
   * « 200 € / équipement tous les 2 ans », « 1 700 € par oreille tous les 4 ans »: one item per period, i.e. the
   * count « (max 1 équipement / 2 ans) ». The amount keeps its period per item.
   */
  private renouvellement(objet: UniteTemps): NoeudClause {
    const tous = this.courant();
    this.clauses.unSeulCompte(tous.debut, tous.texte);
    const periode = this.periode()!;
    if (!UNITES[periode.unite].duree) {
      const texte = this.source.slice(tous.debut, this.jetons[this.curseur - 1]!.fin);
      throw erreurSyntaxe(
        this.source,
        tous.debut,
        "une durée (« tous les 2 ans »)",
        texte,
        `« ${texte} » à la position ${this.position(tous)} : une durée est attendue après « / ${UNITES[objet].singulier} » (« tous les 2 ans »)`,
      );
    }
    return { sorte: "compte", nombreMax: { nombre: 1, unite: objet, periode }, nombre: tous.debut, debut: tous.debut, fin: this.jetons[this.curseur - 1]!.fin };
  }

  private terme(dansLimite: boolean): Terme {
    if (this.prendUnParmi([["forfait"], ["forfaits"]])) {
      this.prendUnParmi([["de"], ["d'"]]);
      if (this.courant().type !== "nombre") this.erreur(this.courant(), "un montant (« forfait 50 € »)");
    }
    const x = this.courant();
    switch (x.type) {
      case "nombre":
        return this.termeNombre();
      case "tiret":
        if (this.aDistance(1).type === "nombre") {
          this.erreur(x, "un nombre positif", `nombre négatif à la position ${this.position(x)} : une garantie ne peut pas être négative`);
        }
        break;
      case "euro":
        if (this.aDistance(1).type === "nombre") {
          this.erreur(
            x,
            "un montant",
            `le symbole « € » se place après le montant (« ${this.aDistance(1).texte} € ») : montant attendu à la position ${this.position(x)}, « € » trouvé`,
          );
        }
        break;
      case "mot": {
        if (this.prend(["ticket", "moderateur"]) || this.prend(["tm"])) return { type: "pourcentage", taux: taux(1), base: "TM" };
        if (this.prendUnParmi([["aux", "frais", "reels"], ["au", "frais", "reels"], ["frais", "reels"], ["fr"]])) {
          return { type: "pourcentage", taux: taux(1), base: "FR" };
        }
        if (this.plafondLegal()) return { type: "plafondLegal" };
        const retour = this.marque();
        const base = this.base();
        if (base !== null) {
          // « dans la limite des PLV », « dans la limite de la BR »: the whole of that base.
          if (dansLimite) return { type: "pourcentage", taux: taux(1), base };
          this.revenirA(retour);
          this.erreur(
            x,
            `un pourcentage avant « ${x.texte} » (« 100 % ${BASE_EXEMPLE[base]} »)`,
            `un pourcentage attendu avant « ${x.texte} » à la position ${this.position(x)} (ex. « ${BASE_EXEMPLE[base]} »)`,
          );
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
    const n = this.courant();
    this.avancer();
    const x = this.courant();
    if (x.type === "pourcent" || this.voit(["pour", "cent"])) {
      this.avancer(x.type === "pourcent" ? 1 : 2);
      if (this.courant().type === "pourcent") this.erreur(this.courant(), "un seul « % »", `« % » en double à la position ${this.position(this.courant())}`);
      const t = pourcentageDuJeton(this.source, n);
      return { type: "pourcentage", taux: t, base: this.basePourcentage() };
    }
    if (x.type === "euro" || (x.type === "mot" && EUROS.has(x.mot))) {
      this.avancer();
      return { type: "montant", cents: centsDuJeton(this.source, n) };
    }
    // « 0 » alone means no benefit (docs/modele-de-calcul.md §5); any other bare number could be 150 % as well as 150 €.
    if (/^0+$/.test(n.entier) && /^0*$/.test(n.decimales)) return { type: "montant", cents: 0 };
    const u = x.type === "mot" ? MOTS_UNITE.get(x.mot) : undefined;
    if (u !== undefined) {
      this.erreur(
        n,
        "« % » ou « € »",
        `« ${n.texte} ${x.texte} » à la position ${this.position(n)} : un nombre ${/^[aeiouyéè]/.test(UNITES[u].pluriel) ? "d'" : "de "}${UNITES[u].pluriel} sans montant — écrire par ex. « 30 € / ${UNITES[u].singulier} (max ${n.texte} ${n.texte === "1" ? UNITES[u].singulier : UNITES[u].pluriel} / an) »`,
      );
    }
    return this.erreur(
      x,
      "« % » ou « € »",
      `« % » ou « € » attendu après « ${n.texte} » à la position ${this.position(x)}${x.type === "fin" ? ` (${FIN_EXPRESSION})` : `, « ${x.texte} » trouvé`}`,
    );
  }

  private basePourcentage(): BaseTaux {
    const retour = this.marque();
    const article = this.prendUnParmi(ARTICLES);
    const base = this.base();
    if (base !== null) return base;
    const x = this.courant();
    if (x.type === "euro") this.erreur(x, ATTENDU_BASE);
    if (x.type === "mot" && x.mot === "sante") {
      this.erreur(
        x,
        ATTENDU_BASE,
        `« Santé » trouvé à la position ${this.position(x)} : « 100 % Santé » est un panier, pas une garantie (écrire « Frais réels dans la limite des PLV » ou « … des HLF »)`,
      );
    }
    this.basesInconnues(x);
    if (article || (x.type === "mot" && !DEBUT_CLAUSE.has(x.mot))) this.erreur(x, ATTENDU_BASE);
    this.revenirA(retour);
    return "BR";
  }

  private basesInconnues(x: Jeton): void {
    if (x.type !== "mot") return;
    if (x.mot === "pss" || x.mot === "pass") {
      this.erreur(
        x,
        "« PMSS »",
        `« ${x.texte} » à la position ${this.position(x)} : seul le plafond mensuel est reconnu, écrire « PMSS » (ex. « 1,5 % PMSS »)`,
      );
    }
  }

  private base(): BaseTaux | null {
    for (const [mots, base] of MOTS_BASE) if (this.prend(mots)) return base;
    return null;
  }

  /** « le plafond réglementaire », « les plafonds du contrat responsable »: the legal cap of the line. */
  private plafondLegal(): boolean {
    const retour = this.marque();
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
    this.revenirA(retour);
    return false;
  }

  private periode(): Periode | null {
    const depart = this.marque();
    let nombre = 1;
    let unite: UniteTemps;
    if (this.courant().type === "barre" || this.estMot(0, "par")) {
      this.avancer();
      [nombre, unite] = this.nombreEtUnite();
    } else if (this.voit(["tous", "les"]) || this.voit(["toutes", "les"])) {
      this.avancer(2);
      [nombre, unite] = this.nombreEtUnite();
    } else if (this.estMot(0, "chaque")) {
      this.avancer();
      [nombre, unite] = this.nombreEtUnite();
    } else {
      return null;
    }
    // « / œil / an », « par œil, par année civile et par bénéficiaire »: an item, then the envelope's duration (« tous
    // les 2 ans » after an item is a count instead: see renouvellement).
    if (estObjet(unite)) {
      const apresObjet = this.marque();
      if (this.lienDePeriode(true)) {
        const x = this.courant();
        const d =
          x.type === "nombre"
            ? MOTS_UNITE.get(this.aDistance(1).type === "mot" ? this.aDistance(1).mot : "")
            : x.type === "mot"
              ? MOTS_UNITE.get(x.mot)
              : undefined;
        if (d !== undefined && UNITES[d].duree) {
          const [n2, u2] = this.nombreEtUnite();
          const duree = { nombre: n2, unite: u2 };
          const apresDuree = this.marque();
          if (this.lienDePeriode(true)) {
            if (this.courant().type === "mot" && MOTS_UNITE.get(this.courant().mot) === "beneficiaire") {
              this.avancer();
              return { nombre, unite, beneficiaire: true, duree };
            }
          }
          this.revenirA(apresDuree);
          return { nombre, unite, duree };
        }
      }
      this.revenirA(apresObjet);
    }
    // « / an / bénéficiaire », « par an et par bénéficiaire », « par bénéficiaire et par an ».
    const secondePeriode = this.marque();
    if (this.lienDePeriode(false)) {
      const [n2, u2] = this.nombreEtUnite();
      if (unite !== "beneficiaire" && u2 === "beneficiaire" && n2 === 1) return { nombre, unite, beneficiaire: true };
      if (unite === "beneficiaire" && nombre === 1 && UNITES[u2].duree) return { nombre: n2, unite: u2, beneficiaire: true };
      this.erreur(
        this.jetons[secondePeriode]!,
        "« bénéficiaire » ou la fin de la période",
        `une seule période attendue : « ${this.source.slice(this.jetons[depart]!.debut, this.jetons[secondePeriode - 1]!.fin)} » puis « ${this.source.slice(this.jetons[secondePeriode]!.debut, this.jetons[this.curseur - 1]!.fin)} » à la position ${this.position(this.jetons[secondePeriode]!)} (seul « / bénéficiaire » peut s'ajouter)`,
      );
    }
    return { nombre, unite };
  }

  /**
   * « / », « par », « et par » (and, when `apresVirgule`, the same after a comma: « par œil, par année civile ») before
   * the next part of a period: consumed when present.
   */
  private lienDePeriode(apresVirgule: boolean): boolean {
    const lien = (k: number) => this.aDistance(k).type === "barre" || this.estMot(k, "par") || (this.estMot(k, "et") && this.estMot(k + 1, "par"));
    if (apresVirgule && this.courant().type === "separateur" && lien(1)) this.avancer();
    if (!lien(0)) return false;
    this.avancer(this.estMot(0, "et") ? 2 : 1);
    return true;
  }

  private nombreEtUnite(): [number, UniteTemps] {
    let nombre = 1;
    const apres = this.aDistance(1);
    const barre = this.aDistance(-1);
    if (
      barre.type === "barre" &&
      this.courant().type === "nombre" &&
      (apres.type === "euro" || apres.type === "pourcent" || (apres.type === "mot" && EUROS.has(apres.mot)))
    ) {
      this.erreur(
        barre,
        ATTENDU_UNITE,
        `deux valeurs séparées par « ${barre.texte} » à la position ${this.position(barre)} (réseau / hors réseau ?) : une cellule porte une seule valeur, « / » y introduit une période (« / an »)`,
      );
    }
    if (this.courant().type === "nombre") {
      nombre = entierDuJeton(this.source, this.courant(), "un nombre entier (« / 2 ans »)");
      this.avancer();
    }
    const x = this.courant();
    const u = x.type === "mot" ? MOTS_UNITE.get(x.mot) : undefined;
    if (u === undefined) this.erreur(x, ATTENDU_UNITE);
    if (nombre > 1 && !UNITES[u].duree) {
      const n = this.aDistance(-1);
      this.erreur(
        n,
        "une durée (« / 2 ans »)",
        `« ${n.texte} ${x.texte} » à la position ${this.position(n)} : seule une durée se compte par plusieurs (« / 2 ans », « tous les 2 ans »)`,
      );
    }
    this.avancer();
    if (u === "an" && this.estMot(0, "civile", "civiles")) this.avancer();
    this.complementUnite(u);
    return [nombre, u];
  }
}

function estNul(t: Terme): boolean {
  return (t.type === "montant" && t.cents === 0) || (t.type === "pourcentage" && t.taux.num === 0);
}
