import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { argumentInvalide, estRembError } from "../core/errors";
import { aujourdhui, dateFr, type Jour } from "../core/dates";
import { eurosDepuisCents, formatEuros, type Cents } from "../core/money";
import { grilleDepuisCsv, grilleDepuisJson, type Grille } from "../core/grille";
import { comparer, CONTRATS_MAX, planComparaison, profilParCode, scenariosAuJour, type Comparaison, type ContratCompare } from "../core/comparaison";
import { dateOption } from "./arguments";
import { AGE_MAX } from "../core/calculators/entrees";
import { ErreurUsage, lireArguments } from "./grammaire-options";
import { formatDuContenu, lireOctets, listerEntrees } from "./entrees";
import type { DependancesCli } from "./cli";

/**
 * `remb comparer <grilles…>`: contract levels of grid files side by side on the standard scenarios, printed as a
 * table (or JSON), and written as a workbook with live REMB formulas and their cached values (--xlsx). Thin: the
 * figures and the sheet layout come from src/core/comparaison.
 */
export interface OptionsComparer {
  readonly chemins: readonly string[];
  /** Level names or 1-based ranks, applied to every grid (default: every level). */
  readonly niveaux?: readonly string[];
  readonly scenarios?: readonly string[];
  readonly profil?: string;
  readonly age?: number;
  readonly date?: Jour;
  readonly xlsx?: string;
  readonly json: boolean;
}

export const AIDE_COMPARER = `remb comparer — compare des niveaux de garanties sur des scénarios types, en euros

Usage :
  remb comparer <grilles...> [options]

Options :
  --niveaux N1,N2      niveaux à comparer dans chaque grille, par nom (« Niveau 2 ») ou par
                       rang (2) ; par défaut tous (${CONTRATS_MAX} niveaux au plus en tout)
  --scenarios S1,O3    scénarios retenus, par code (par défaut : tous ; liste : REMB.SCENARIOS)
  --profil NOM         panier annuel : jeune-actif, famille ou senior (RAC annuel du profil)
  --age ANS            âge du client pour les scénarios d'adulte (participation forfaitaire)
  --date AAAA-MM-JJ    date des soins (bases, taux et montants légaux) ; défaut : aujourd'hui
  --xlsx FICHIER       écrit le classeur de comparaison (formules REMB, valeurs, copie client)
  -o FICHIER           idem
  --json               les chiffres en JSON sur la sortie standard

Exemple :
  npx remb comparer assets/grilles/conforme.csv assets/grilles/reseau.csv --niveaux 1,2 --profil famille -o comparatif.xlsx
`;

const OPTIONS_COMPARER = ["--niveaux", "--scenarios", "--profil", "--age", "--date", "--xlsx", "-o", "--json", "--aide", "--help"];

export function analyserComparer(args: readonly string[]): OptionsComparer | "aide" {
  const o: { niveaux?: string[]; scenarios?: string[]; profil?: string; age?: number; date?: Jour; xlsx?: string; json: boolean } = { json: false };
  let aide = false;
  const liste = (t: string) =>
    t
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "");
  const chemins = lireArguments(
    args,
    (nom, { valeur, sansValeur, une }) => {
      switch (nom) {
        case "-h":
        case "--aide":
        case "--help":
          sansValeur();
          aide = true;
          return true;
        case "--niveaux":
          une(nom);
          o.niveaux = liste(valeur("des niveaux séparés par des virgules (« Niveau 1,Niveau 3 » ou « 1,3 »)"));
          return true;
        case "--scenarios":
        case "--scénarios":
          une("--scenarios");
          o.scenarios = liste(valeur("des codes de scénarios séparés par des virgules (S1,O3…)"));
          return true;
        case "--profil":
          une(nom);
          o.profil = valeur("un profil : jeune-actif, famille ou senior");
          return true;
        case "--age":
        case "--âge": {
          une("--age");
          const t = valeur("un âge en années");
          const a = Number(t.replace(",", "."));
          if (!Number.isFinite(a) || a < 0 || a > AGE_MAX) throw new ErreurUsage(`Âge invalide : « ${t} » — un nombre d'années de 0 à ${AGE_MAX} est attendu.`);
          o.age = a;
          return true;
        }
        case "--date":
          une(nom);
          o.date = dateOption(valeur("une date (AAAA-MM-JJ ou JJ/MM/AAAA)"));
          return true;
        case "--xlsx":
        case "-o":
          une("--xlsx");
          o.xlsx = valeur("un fichier .xlsx à écrire");
          if (!o.xlsx.toLowerCase().endsWith(".xlsx")) throw new ErreurUsage(`Le classeur à écrire doit finir par .xlsx : « ${o.xlsx} ».`);
          return true;
        case "--json":
          sansValeur();
          une(nom);
          o.json = true;
          return true;
        default:
          return false;
      }
    },
    { connues: OPTIONS_COMPARER, aide: "remb aide comparer", vide: "Chemin vide dans la ligne de commande." },
  );
  if (aide) return "aide";
  if (chemins.length === 0) throw new ErreurUsage("Aucune grille à comparer. Exemple : remb comparer grille-a.csv grille-b.xlsx --niveaux 2");
  return { chemins, ...o };
}

export async function comparerCommande(o: OptionsComparer, deps: Pick<DependancesCli, "stdout" | "stderr" | "cwd" | "delaisLecture">): Promise<number> {
  const erreur = (m: string) => {
    deps.stderr.write(`remb : ${m}\n`);
    return 2;
  };
  const grilles: Grille[] = [];
  for (const e of listerEntrees(o.chemins, deps.cwd)) {
    if (e.probleme !== undefined) return erreur(e.probleme);
    const octets = await lireOctets(e, deps.delaisLecture);
    if (!(octets instanceof Uint8Array)) return erreur(`${e.chemin} : ${octets.probleme}`);
    try {
      grilles.push(await importer(octets, e.format ?? formatDuContenu(octets)));
    } catch (err) {
      if (estRembError(err)) return erreur(`${e.chemin} : ${err.message}`);
      throw err;
    }
  }
  let comparaison: Comparaison;
  try {
    const contrats = choisirNiveaux(grilles, o.niveaux);
    const date = o.date ?? aujourdhui();
    const scenarios = scenariosAuJour(date, { ...(o.scenarios ? { codes: o.scenarios } : {}), ...(o.age !== undefined ? { age: o.age } : {}) });
    const profil =
      o.profil === undefined
        ? undefined
        : profilDans(
            o.profil,
            scenarios.map((s) => s.code),
          );
    comparaison = comparer(contrats, { date, scenarios, ...(profil ? { profil } : {}) });
  } catch (err) {
    if (estRembError(err)) return erreur(err.message);
    throw err;
  }
  if (o.xlsx !== undefined) {
    const { classeurComparaison } = await import("./comparer-xlsx");
    const hypotheses = o.age === undefined ? "client adulte" : `client de ${o.age} ans`;
    const octets = await classeurComparaison(planComparaison(comparaison, { hypotheses }));
    try {
      writeFileSync(resolve(deps.cwd, o.xlsx), octets);
    } catch (err) {
      return erreur(`${o.xlsx} : écriture impossible (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
  }
  deps.stdout.write(o.json ? `${JSON.stringify(jsonComparaison(comparaison), null, 2)}\n` : texteComparaison(comparaison, o.xlsx));
  return 0;
}

async function importer(octets: Uint8Array, format: "csv" | "xlsx" | "json"): Promise<Grille> {
  switch (format) {
    case "csv":
      return grilleDepuisCsv(octets);
    case "json":
      return grilleDepuisJson(octets);
    case "xlsx": {
      const { grilleDepuisXlsx } = await import("./xlsx");
      return grilleDepuisXlsx(octets);
    }
  }
}

/** The profile's counts, restricted to the scenarios compared. */
function profilDans(code: string, codes: readonly string[]): Record<string, number> {
  const p = profilParCode(code);
  return Object.fromEntries(Object.entries(p.nombres).filter(([k]) => codes.includes(k)));
}

function choisirNiveaux(grilles: readonly Grille[], niveaux: readonly string[] | undefined): ContratCompare[] {
  const contrats: ContratCompare[] = [];
  for (const g of grilles) {
    const choisis =
      niveaux === undefined
        ? g.niveaux
        : g.niveaux.filter((n) => niveaux.some((x) => x === n.nom || x.toLowerCase() === n.nom.toLowerCase() || (/^\d+$/.test(x) && Number(x) === n.rang)));
    if (choisis.length === 0) {
      throw argumentInvalide(
        `Aucun des niveaux demandés (${niveaux!.join(", ")}) dans « ${g.nom} » — niveaux : ${g.niveaux.map((n) => `${n.rang}. « ${n.nom} »`).join(", ")}.`,
      );
    }
    for (const n of choisis) contrats.push({ grille: g, niveau: n.nom });
  }
  if (contrats.length > CONTRATS_MAX) {
    throw argumentInvalide(`${contrats.length} niveaux à comparer : ${CONTRATS_MAX} au plus. Choisissez-les avec --niveaux (par nom ou par rang).`);
  }
  return contrats;
}

const eur = (c: Cents | null) => (c === null ? "—" : formatEuros(c).replace(/\u202f|\u00a0/g, " "));

export function texteComparaison(c: Comparaison, fichier?: string): string {
  const lignes: string[] = [];
  lignes.push(`Comparaison au ${dateFr(c.date)} : ${c.scenarios.length} scénarios, ${c.contrats.length} niveaux`);
  c.contrats.forEach((k, j) => lignes.push(`  [${j + 1}] ${k.nom}${k.reseau ? " (prix réseau quand il est connu)" : ""}`));
  lignes.push("");
  const largeur = 11;
  const col = (s: string) => s.padStart(largeur);
  const entete = `${"Code".padEnd(5)}${"Scénario".padEnd(44)}${col("Prix")}` + c.contrats.map((_, j) => `${col(`[${j + 1}] RC`)}${col("RAC")}`).join("");
  lignes.push(entete, "-".repeat(entete.length));
  c.scenarios.forEach((s, i) => {
    const libelle = s.libelle.length > 42 ? `${s.libelle.slice(0, 41)}…` : s.libelle;
    const cel = c.cellules[i]!;
    lignes.push(
      `${s.code.padEnd(5)}${libelle.padEnd(44)}${col(eur(s.prix))}` +
        cel.map((x) => `${col(x.erreur ? "erreur" : eur(x.rc))}${col(x.erreur ? "" : `${eur(x.rac)}${x.plafonds.length ? "*" : ""}`)}`).join(""),
    );
  });
  lignes.push("-".repeat(entete.length));
  const ligneMetrique = (libelle: string, val: (j: number) => string) =>
    lignes.push(`${"".padEnd(5)}${libelle.padEnd(44)}${col("")}` + c.contrats.map((_, j) => `${col("")}${col(val(j))}`).join(""));
  ligneMetrique("Reste à charge total (un acte de chaque)", (j) => eur(c.metriques[j]!.rac));
  ligneMetrique("Reste à charge moyen par scénario", (j) => eur(c.metriques[j]!.racMoyen));
  ligneMetrique("Remboursement maximal (RO + RC)", (j) => eur(c.metriques[j]!.remboursementMaximal));
  ligneMetrique("Taux de couverture (RO + RC) / frais", (j) => `${(Number(c.metriques[j]!.tauxCouverture) * 100).toFixed(1).replace(".", ",")} %`);
  if (c.profil !== undefined) ligneMetrique("Reste à charge annuel du profil", (j) => eur(c.metriques[j]!.profil!.rac));
  lignes.push("");
  c.contrats.forEach((_, j) => {
    const absents = c.scenarios.filter((_, i) => c.cellules[i]![j]!.poste === null && c.cellules[i]![j]!.erreur === null).map((s) => s.code);
    if (absents.length > 0) lignes.push(`? [${j + 1}] aucune ligne de la grille, rien de remboursé par le contrat : ${absents.join(", ")}`);
  });
  c.metriques.forEach((m, j) => {
    for (const p of m.plafonds) lignes.push(`* [${j + 1}] ${p.libelle} (${p.scenarios.join(", ")}) — ${p.reference}`);
    for (const code of m.lacunes) {
      const i = c.scenarios.findIndex((s) => s.code === code);
      lignes.push(`! [${j + 1}] ${code} non calculé : ${c.cellules[i]![j]!.erreur}`);
    }
  });
  lignes.push("Prix observés en 2025 (exemples d'assureurs), bases et taux de la Sécurité sociale en vigueur à la date ; détail : docs/comparaison.md.");
  if (fichier !== undefined) lignes.push(`Classeur écrit : ${fichier} (feuilles « Comparaison », « Scénarios », « Copie client », « Simulation prix »).`);
  return `${lignes.join("\n")}\n`;
}

const euros = (c: Cents | null) => (c === null ? null : eurosDepuisCents(c));

export function jsonComparaison(c: Comparaison): unknown {
  return {
    date: dateFr(c.date),
    contrats: c.contrats.map((k) => ({ nom: k.nom, grille: k.grille, niveau: k.niveau.nom, reseau: k.reseau })),
    scenarios: c.scenarios.map((s, i) => ({
      code: s.code,
      libelle: s.libelle,
      prix: euros(s.prix),
      ...(s.prixReseau !== undefined ? { prixReseau: euros(s.prixReseau) } : {}),
      resultats: c.cellules[i]!.map((x) => ({
        garantie: x.garantie,
        poste: x.poste,
        frais: euros(x.fr),
        ro: euros(x.ro),
        rc: euros(x.rc),
        rac: euros(x.rac),
        plafonds: x.plafonds.map((p) => p.code),
        ...(x.erreur ? { erreur: x.erreur } : {}),
      })),
    })),
    metriques: c.metriques.map((m) => ({
      frais: euros(m.fr),
      ro: euros(m.ro),
      rc: euros(m.rc),
      rac: euros(m.rac),
      racMoyen: euros(m.racMoyen),
      remboursementMaximal: euros(m.remboursementMaximal),
      scenarioMaximal: m.scenarioMaximal,
      tauxCouverture: Number(m.tauxCouverture),
      lacunes: m.lacunes,
      plafonds: m.plafonds,
      ...(m.profil ? { profil: { frais: euros(m.profil.fr), remboursement: euros(m.profil.remboursement), rac: euros(m.profil.rac) } } : {}),
    })),
    ...(c.profil ? { profil: c.profil } : {}),
  };
}
