import type { Bareme } from "../../core/bareme";
import { formatEuros, texteEuros } from "../../core/money";
import { posteParCode } from "../../core/postes";
import { EnsembleHaches } from "./octets";
import type { Agregat, Beneficiaires, ResultatBloc } from "./config";
import type { OptionsCalculer } from "./options";

/**
 * The totals of `remb calculer` by poste (lines, FR, RO, RC, RAC, beneficiaries and RC per beneficiary), the
 * rejected lines (count, FR, the first ones with their line number and reason), in French text or JSON.
 */

const PREMIERS_REJETS = 20;

export class Resume {
  private readonly postes = new Map<string, Agregat>();
  private readonly beneficiaires = new Map<string, EnsembleHaches>();
  private readonly tousBeneficiaires = new EnsembleHaches();
  lignes = 0;
  rejetees = 0;
  private frRejetees = 0;
  private frIllisibles = 0;
  private readonly premiers: { ligne: number; raison: string }[] = [];
  private readonly motifs = new Map<string, number>();

  constructor(
    private readonly bareme: Bareme | undefined,
    private readonly source: string,
    private readonly avecBeneficiaires: boolean,
  ) {}

  ajouter(r: ResultatBloc, premiereLigne: number): void {
    this.lignes += r.lignes;
    for (const [p, a] of Object.entries(r.postes)) {
      const t = this.postes.get(p);
      if (t === undefined) this.postes.set(p, { ...a });
      else cumuler(t, a);
    }
    for (const x of r.rejets) {
      this.rejetees++;
      if (x.fr >= 0) this.frRejetees += x.fr;
      else this.frIllisibles++;
      if (this.premiers.length < PREMIERS_REJETS) this.premiers.push({ ligne: x.ligne + premiereLigne - 1, raison: x.raison });
      // Reasons grouped by their text up to the first quote (the value itself varies).
      const motif = x.raison.split(" : « ")[0]!.slice(0, 160);
      this.motifs.set(motif, (this.motifs.get(motif) ?? 0) + 1);
    }
  }

  /** The beneficiaries one calculator saw (a table computed by several threads: their union). */
  ajouterBeneficiaires(b: Beneficiaires): void {
    for (const [p, l] of Object.entries(b.postes)) {
      let s = this.beneficiaires.get(p);
      if (s === undefined) this.beneficiaires.set(p, (s = new EnsembleHaches()));
      s.ajouterTout(l);
      this.tousBeneficiaires.ajouterTout(l);
    }
  }

  private lignesTriees(): [string, Agregat][] {
    return [...this.postes.entries()].filter(([, a]) => a.nombre > 0).sort((a, b) => b[1].rc - a[1].rc || a[0].localeCompare(b[0]));
  }

  private total(): Agregat {
    const t: Agregat = { nombre: 0, fr: 0, ro: 0, rc: 0, rac: 0, plafonnees: 0 };
    for (const a of this.postes.values()) cumuler(t, a);
    return t;
  }

  texte(dureeMs: number, o: OptionsCalculer): string {
    const s = dureeMs / 1000;
    const l: string[] = [];
    const quoi =
      this.bareme !== undefined
        ? `grille « ${this.bareme.grille} », niveau « ${this.bareme.niveau} »${this.bareme.responsable ? " (contrat responsable)" : " (contrat non responsable)"}`
        : "garantie de chaque ligne";
    l.push(`remb calculer — ${this.source} · ${quoi}`);
    l.push(
      `${n(this.lignes)} lignes en ${s.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s (${n(Math.round(this.lignes / Math.max(s, 1e-3)))} lignes/s) : ` +
        `${n(this.lignes - this.rejetees)} calculées, ${n(this.rejetees)} rejetée(s)`,
    );
    if (o.sortie !== undefined) l.push(`Résultats ligne à ligne : ${o.sortie}`);
    l.push("");
    const b = this.avecBeneficiaires;
    const entete = ["Poste", "Lignes", "FR", "RO", "RC", "RAC", ...(b ? ["Bénéf.", "RC / bénéf."] : [])];
    const lignes: string[][] = [];
    for (const [p, a] of this.lignesTriees()) lignes.push(this.colonnes(p, a, this.beneficiaires.get(p)?.taille));
    lignes.push(this.colonnes("Total", this.total(), b ? this.tousBeneficiaires.taille : undefined));
    const largeurs = entete.map((e, i) => Math.max(e.length, ...lignes.map((x) => x[i]!.length)));
    const format = (x: string[]) => x.map((c, i) => (i === 0 ? c.padEnd(largeurs[i]!) : c.padStart(largeurs[i]!))).join("  ");
    l.push(format(entete));
    for (const [k, x] of lignes.entries()) {
      if (k === lignes.length - 1) l.push("-".repeat(largeurs.reduce((a, c) => a + c + 2, -2)));
      l.push(format(x));
    }
    const t = this.total();
    if (t.plafonnees > 0) l.push(`\nPlafond légal appliqué (contrat responsable) sur ${n(t.plafonnees)} ligne(s).`);
    if (this.rejetees > 0) {
      l.push("");
      l.push(
        `Lignes rejetées : ${n(this.rejetees)}, FR ${formatEuros(this.frRejetees)}` +
          (this.frIllisibles > 0 ? ` (et ${n(this.frIllisibles)} ligne(s) au FR illisible)` : "") +
          " — hors des totaux ci-dessus.",
      );
      for (const [m, k] of [...this.motifs.entries()].sort((a, c) => c[1] - a[1]).slice(0, 10)) l.push(`  ${n(k).padStart(9)} × ${m}`);
      l.push(`Premières lignes rejetées${o.rejets !== undefined ? ` (toutes dans ${o.rejets})` : ""} :`);
      for (const r of this.premiers) l.push(`  ligne ${r.ligne} : ${r.raison}`);
    }
    return `${l.join("\n")}\n`;
  }

  private colonnes(p: string, a: Agregat, beneficiaires: number | undefined): string[] {
    const libelle = p === "Total" ? p : p;
    const c = [libelle, n(a.nombre), e(a.fr), e(a.ro), e(a.rc), e(a.rac)];
    if (this.avecBeneficiaires) c.push(beneficiaires === undefined ? "" : n(beneficiaires), beneficiaires ? e(Math.round(a.rc / beneficiaires)) : "");
    return c;
  }

  json(dureeMs: number, o: OptionsCalculer): unknown {
    const poste = (p: string, a: Agregat, benef: number | undefined) => ({
      poste: p,
      ...(posteParCode(p) ? { libelle: posteParCode(p)!.libelle } : {}),
      lignes: a.nombre,
      fr: texteEuros(a.fr),
      ro: texteEuros(a.ro),
      rc: texteEuros(a.rc),
      rac: texteEuros(a.rac),
      plafonnees: a.plafonnees,
      ...(benef !== undefined ? { beneficiaires: benef, rcParBeneficiaire: benef > 0 ? texteEuros(Math.round(a.rc / benef)) : null } : {}),
    });
    return {
      commande: "calculer",
      sinistres: this.source,
      ...(this.bareme !== undefined ? { grille: this.bareme.grille, niveau: this.bareme.niveau, responsable: this.bareme.responsable } : {}),
      ...(o.sortie !== undefined ? { sortie: o.sortie } : {}),
      lignes: this.lignes,
      calculees: this.lignes - this.rejetees,
      dureeMs: Math.round(dureeMs),
      // The process's peak resident memory, worker threads included: what a block size costs, whatever the table.
      memoireMaxMio: Math.round(process.resourceUsage().maxRSS / 1024),
      postes: this.lignesTriees().map(([p, a]) => poste(p, a, this.avecBeneficiaires ? (this.beneficiaires.get(p)?.taille ?? 0) : undefined)),
      total: poste("total", this.total(), this.avecBeneficiaires ? this.tousBeneficiaires.taille : undefined),
      rejets: {
        lignes: this.rejetees,
        fr: texteEuros(this.frRejetees),
        frIllisibles: this.frIllisibles,
        motifs: [...this.motifs.entries()].sort((a, c) => c[1] - a[1]).map(([motif, lignes]) => ({ motif, lignes })),
        premieres: this.premiers,
      },
    };
  }
}

function n(x: number): string {
  return x.toLocaleString("fr-FR");
}

function e(c: number): string {
  return formatEuros(c);
}

function cumuler(t: Agregat, a: Agregat): void {
  t.nombre += a.nombre;
  t.fr += a.fr;
  t.ro += a.ro;
  t.rc += a.rc;
  t.rac += a.rac;
  t.plafonnees += a.plafonnees;
}
