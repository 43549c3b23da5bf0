import { estRembError } from "../core/errors";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { grilleDepuisCsv, grilleDepuisJson, lectureDeGrille, lireCorrections, type Corrections, type Grille, type OptionsImport } from "../core/grille";
import { verifierGrille, type OptionsVerification, type RapportVerification } from "../core/responsable";
import paquet from "../../package.json";
import { AIDE_CALCULER, AIDE_GENERALE, AIDE_SQL, AIDE_VERIFIER } from "./aide";
import { commandeCalculer } from "./calculer/commande";
import { AIDE_COMPARER, comparerCommande } from "./comparer";
import { commandeSql } from "./sql/commande";
import { analyserArguments, ErreurUsage, type OptionsVerifier } from "./arguments";
import { DELAIS_LECTURE, formatDuContenu, lireOctets, listerEntrees, type DelaisLecture, type Entree, type FormatFichier } from "./entrees";
import { echapper } from "./echapper";
import { EcrivainJson, jsonResultat } from "./rapport-json";
import { texteLecture } from "./rapport-lecture";
import { avecCouleurs, SANS_STYLE, STYLE_ANSI, texteResultat, texteResume } from "./rapport-texte";
import { ajouterAuResume, codeDeSortie, RESUME_VIDE, type ResultatFichier } from "./resultat";

/**
 * The `remb` command as a function: argv in, exit code out, everything else injected (the validator, the output
 * streams, the environment, the working directory), so the mechanics are tested in-process with a fake validator
 * and the real one is only a default. No legal rule here: the CLI reads files, calls the core, prints.
 */
export type Verificateur = (g: Grille, o: OptionsVerification) => RapportVerification;

export interface Flux {
  write(texte: string): unknown;
  readonly isTTY?: boolean;
}

export interface DependancesCli {
  readonly verifier: Verificateur;
  readonly stdout: Flux;
  readonly stderr: Flux;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** How long a FIFO, a pipe or a device may take to be read (DELAIS_LECTURE). */
  readonly delaisLecture: DelaisLecture;
  /** Called after each file, once its report is written: main.ts gives back the memory the file used (see there). */
  readonly apresFichier: () => void;
  /** The script worker threads run (the CLI bundle); undefined: `remb calculer` computes in the main thread. */
  readonly scriptTravailleur?: string;
}

export async function executer(argv: readonly string[], d: Partial<DependancesCli> = {}): Promise<number> {
  const deps: DependancesCli = {
    verifier: d.verifier ?? verifierGrille,
    stdout: d.stdout ?? process.stdout,
    stderr: d.stderr ?? process.stderr,
    env: d.env ?? process.env,
    cwd: d.cwd ?? process.cwd(),
    delaisLecture: d.delaisLecture ?? DELAIS_LECTURE,
    apresFichier: d.apresFichier ?? (() => {}),
    ...(d.scriptTravailleur !== undefined ? { scriptTravailleur: d.scriptTravailleur } : {}),
  };
  let commande;
  try {
    commande = analyserArguments(argv);
  } catch (e) {
    if (!(e instanceof ErreurUsage)) throw e;
    // Usage errors go to stderr only: with --json, stdout stays empty rather than holding half a document.
    deps.stderr.write(`remb : ${echapper(e.message)}\n`);
    return 2;
  }
  switch (commande.commande) {
    case "aide":
      deps.stdout.write(
        commande.sujet === "verifier"
          ? AIDE_VERIFIER
          : commande.sujet === "calculer"
            ? AIDE_CALCULER
            : commande.sujet === "sql"
              ? AIDE_SQL
              : commande.sujet === "comparer"
                ? AIDE_COMPARER
                : AIDE_GENERALE,
      );
      return 0;
    case "version":
      deps.stdout.write(`remb ${paquet.version}\n`);
      return 0;
    case "verifier":
      return verifier(commande, deps);
    case "calculer":
      return commandeCalculer(commande, deps);
    case "sql":
      return commandeSql(commande, deps);
    case "comparer":
      return comparerCommande(commande, deps);
  }
}

async function verifier(o: OptionsVerifier, deps: DependancesCli): Promise<number> {
  let corrections: Corrections | undefined;
  if (o.corrections !== undefined) {
    const c = lireFichierCorrections(o.corrections, deps.cwd);
    if (typeof c === "string") {
      deps.stderr.write(`remb : ${echapper(c)}\n`);
      return 2;
    }
    corrections = c;
  }
  const entrees = listerEntrees(o.chemins, deps.cwd);
  const style = avecCouleurs(deps.stdout.isTTY === true, deps.env) ? STYLE_ANSI : SANS_STYLE;
  const ecrire = (s: string) => void deps.stdout.write(s);
  const json = o.json ? new EcrivainJson(ecrire, o.date, o.gravite) : undefined;
  let resume = RESUME_VIDE;
  let premier = true;
  for (const e of entrees) {
    const r = await verifierEntree(e, o, corrections, deps);
    resume = ajouterAuResume(resume, r);
    if (json) json.grille(jsonResultat(r, o.gravite, o.lecture));
    else {
      const lecture = o.lecture && r.grille ? `${texteLecture(lectureDeGrille(r.grille), style).join("\n")}\n` : "";
      ecrire(`${premier ? "" : "\n"}${texteResultat(r, o.gravite, style)}${lecture}`);
      premier = false;
    }
    deps.apresFichier();
  }
  const code = codeDeSortie(resume);
  if (json) json.fin(resume, code);
  else ecrire(`\n${texteResume(resume, style)}`);
  return code;
}

/** A corrections file is small (10 000 entries at most): one larger than this is not one. */
const TAILLE_MAX_CORRECTIONS = 4 * 1024 * 1024;

/** The corrections file, or the French message saying why it cannot be used (a usage error: exit code 2). */
function lireFichierCorrections(chemin: string, cwd: string): Corrections | string {
  const complet = resolve(cwd, chemin);
  try {
    const t = statSync(complet);
    if (!t.isFile()) return `corrections « ${chemin} » : ce n'est pas un fichier.`;
    if (t.size > TAILLE_MAX_CORRECTIONS)
      return `corrections « ${chemin} » : fichier trop gros pour un fichier de corrections (${Math.round(t.size / 1024 / 1024)} Mo).`;
    return lireCorrections(readFileSync(complet, "utf8"));
  } catch (e) {
    if (estRembError(e)) return `corrections « ${chemin} » : ${e.message}`;
    const code = (e as NodeJS.ErrnoException).code;
    return `corrections « ${chemin} » : ${code === "ENOENT" ? "fichier introuvable" : code === "EACCES" ? "lecture refusée" : "illisible"}.`;
  }
}

async function verifierEntree(e: Entree, o: OptionsVerifier, corrections: Corrections | undefined, deps: DependancesCli): Promise<ResultatFichier> {
  if (e.probleme !== undefined) return { chemin: e.chemin, erreur: { etape: "lecture", message: e.probleme, interne: false } };
  const octets = await lireOctets(e, deps.delaisLecture);
  if (!(octets instanceof Uint8Array))
    return { chemin: e.chemin, ...(e.format ? { format: e.format } : {}), erreur: { etape: "lecture", message: octets.probleme, interne: false } };
  const format = e.format ?? formatDuContenu(octets);
  let grille: Grille;
  try {
    grille = await importer(octets, format, o, corrections);
  } catch (err) {
    return { chemin: e.chemin, format, erreur: { etape: "lecture", ...echec(err, deps, e.chemin) } };
  }
  try {
    const rapport = deps.verifier(grille, o.date !== undefined ? { date: o.date } : {});
    return { chemin: e.chemin, format, grille, rapport };
  } catch (err) {
    return { chemin: e.chemin, format, grille, erreur: { etape: "verification", ...echec(err, deps, e.chemin) } };
  }
}

/**
 * A RembError is the input's fault and carries a French message. Anything else is a defect of REMB: reported on that
 * file (the batch goes on), with the stack on stderr when REMB_DEBUG is set.
 */
function echec(err: unknown, deps: DependancesCli, chemin: string): { code?: string; message: string; interne: boolean } {
  if (estRembError(err)) {
    // The library's own (English) error behind a French message: for REMB_DEBUG only.
    const cause = (err as { cause?: unknown }).cause;
    if (deps.env.REMB_DEBUG && cause !== undefined)
      deps.stderr.write(`remb : ${echapper(chemin)} :\n${echapper((cause as Error)?.stack ?? String(cause)).replace(/\\n/g, "\n")}\n`);
    return { code: err.code, message: err.message, interne: false };
  }
  if (deps.env.REMB_DEBUG) deps.stderr.write(`remb : ${echapper(chemin)} :\n${echapper((err as Error)?.stack ?? String(err)).replace(/\\n/g, "\n")}\n`);
  // JavaScript's own message (« Cannot read properties of undefined », « Invalid string length ») is English and says
  // nothing to a user: it goes to stderr with REMB_DEBUG; the report says what to do.
  return { message: "ce fichier n'a pas pu être vérifié. Relancez la commande avec REMB_DEBUG=1 pour obtenir le détail, et signalez-le.", interne: true };
}

async function importer(octets: Uint8Array, format: FormatFichier, o: OptionsVerifier, corrections: Corrections | undefined): Promise<Grille> {
  const options: OptionsImport = {
    ...(corrections !== undefined ? { corrections } : {}),
    ...(o.responsable !== undefined ? { responsable: o.responsable } : {}),
    ...(o.collectif !== undefined ? { collectif: o.collectif } : {}),
    ...(o.nombres !== undefined ? { nombres: o.nombres } : {}),
  };
  switch (format) {
    case "csv":
      return grilleDepuisCsv(octets, options);
    case "xlsx": {
      // Loaded on first use: exceljs alone takes ~0.4 s to load, which a batch of CSV files should not pay.
      const { grilleDepuisXlsx } = await import("./xlsx");
      return grilleDepuisXlsx(octets, { ...options, ...(o.feuille !== undefined ? { feuille: o.feuille } : {}) });
    }
    case "json": {
      const g = grilleDepuisJson(octets);
      // The command line wins over the file, as it does over a CSV title (« contrat responsable »): the auditor
      // states what the contract is.
      return {
        ...g,
        ...(o.responsable !== undefined ? { responsable: o.responsable } : {}),
        ...(o.collectif !== undefined ? { collectif: o.collectif } : {}),
      };
    }
  }
}
