import { closeSync, createWriteStream, openSync, readSync, statSync, unlinkSync, type WriteStream } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { estRembError } from "../../core/errors";
import { baremeDepuisGrille, type Bareme } from "../../core/bareme";
import { texteEuros } from "../../core/money";
import { chargerGrille } from "./grille";
import type { Beneficiaires, ConfigBloc, ResultatBloc } from "./config";
import { CalculBloc } from "./bloc";
import { lireFichierColonnes, resoudreColonnes, type Champ } from "./colonnes";
import { champsDeLaLigne, encodageDe, finDesEnregistrements, separateurDeLEntete } from "./decoupage";
import type { OptionsCalculer } from "./options";
import { Progression } from "./progression";
import { Resume } from "./resume";
import { ROLE_TRAVAILLEUR, type MessageResultat } from "./travailleur";
import { readFileSync } from "node:fs";

/**
 * `remb calculer`: a claims table through a grid level (or a guarantee column), streamed. The main thread reads
 * blocks of whole records, worker threads compute them (bloc.ts), the main thread writes their output in input order
 * and adds their totals. Memory holds a few blocks at a time, whatever the size of the table.
 */

export interface DependancesCalculer {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly cwd: string;
  /** The script a worker thread runs (the CLI bundle); undefined: compute in the main thread. */
  readonly scriptTravailleur?: string;
  readonly maintenant?: () => number;
}

const ENTETE_SORTIE = ["remb_ro", "remb_rc", "remb_rac"];
const ENTETE_PLAFONDS = ["remb_garantie", "remb_plafond"];

export async function commandeCalculer(o: OptionsCalculer, deps: DependancesCalculer): Promise<number> {
  const maintenant = deps.maintenant ?? (() => performance.now());
  const debut = maintenant();
  const erreur = (m: string) => {
    deps.stderr.write(`remb : ${m}\n`);
    return 2;
  };

  // The barème first: a wrong grid or level stops before reading ten million lines.
  let bareme: Bareme | undefined;
  if (o.grille !== undefined) {
    try {
      const grille = await chargerGrille(path.resolve(deps.cwd, o.grille), o.feuille);
      bareme = baremeDepuisGrille(grille, o.niveau!, o.responsable);
    } catch (e) {
      return erreur(`grille « ${o.grille} » : ${estRembError(e) ? e.message : (e as Error).message}`);
    }
  }
  const noms = new Map<Champ, string>();
  let valeursPoste: [string, string][] = [];
  if (o.fichierColonnes !== undefined) {
    let texte: string;
    try {
      texte = readFileSync(path.resolve(deps.cwd, o.fichierColonnes), "utf8");
    } catch (e) {
      return erreur(`colonnes « ${o.fichierColonnes} » : ${messageFichier(e)}`);
    }
    const f = lireFichierColonnes(texte);
    if (typeof f === "string") return erreur(`colonnes « ${o.fichierColonnes} » : ${f}`);
    for (const [c, n] of f.colonnes) noms.set(c, n);
    valeursPoste = f.postes;
  }
  for (const [c, n] of o.colonnes) noms.set(c, n);

  // Parquet and XLSX tables are read through a CSV copy (DuckDB for Parquet, exceljs for XLSX), then as any CSV.
  const source = path.resolve(deps.cwd, o.sinistres);
  const temporaires: string[] = [];
  let chemin = source;
  try {
    const ext = path.extname(source).toLowerCase();
    if (ext === ".parquet" || ext === ".xlsx" || ext === ".xlsm") {
      chemin = path.join(tmpdir(), `remb-sinistres-${process.pid}-${Date.now()}.csv`);
      temporaires.push(chemin);
      if (ext === ".parquet") await (await import("./parquet")).parquetVersCsv(source, chemin);
      else await (await import("./xlsx-sinistres")).xlsxVersCsv(source, chemin, o.feuille);
    }
  } catch (e) {
    nettoyer(temporaires);
    return erreur(`« ${o.sinistres} » : ${estRembError(e) ? e.message : messageFichier(e)}`);
  }

  try {
    return await calculerCsv(o, deps, chemin, bareme, noms, valeursPoste, temporaires, debut, maintenant);
  } finally {
    nettoyer(temporaires);
  }
}

async function calculerCsv(
  o: OptionsCalculer,
  deps: DependancesCalculer,
  chemin: string,
  bareme: Bareme | undefined,
  noms: Map<Champ, string>,
  valeursPoste: [string, string][],
  temporaires: string[],
  debut: number,
  maintenant: () => number,
): Promise<number> {
  const erreur = (m: string) => {
    deps.stderr.write(`remb : ${m}\n`);
    return 2;
  };
  let fd: number;
  let taille: number;
  try {
    fd = openSync(chemin, "r");
    taille = statSync(chemin).size;
  } catch (e) {
    return erreur(`« ${o.sinistres} » : ${messageFichier(e)}`);
  }
  try {
    const tailleBloc = (o.blocMio ?? 4) * 1024 * 1024;
    // The header: the first line (a quoted header cell may not hold a line break).
    let tampon = lire(fd, Math.min(tailleBloc, 1 << 20));
    let lus = tampon.length;
    const bom = tampon[0] === 0xef && tampon[1] === 0xbb && tampon[2] === 0xbf ? 3 : 0;
    let finEntete = tampon.indexOf(0x0a, bom);
    while (finEntete < 0 && tampon.length === lus && lus > 0) {
      const plus = lire(fd, 1 << 20);
      if (plus.length === 0) break;
      tampon = concat(tampon, plus);
      lus += plus.length;
      finEntete = tampon.indexOf(0x0a, bom);
    }
    if (tampon.length - bom === 0) return erreur(`« ${o.sinistres} » : fichier vide.`);
    const encodage = encodageDe(tampon);
    const finLigne = finEntete < 0 ? tampon.length : finEntete;
    const octetsEntete = tampon.subarray(bom, finLigne > bom && tampon[finLigne - 1] === 0x0d ? finLigne - 1 : finLigne);
    const ligneEntete = new TextDecoder(encodage).decode(octetsEntete);
    const separateur = separateurDeLEntete(ligneEntete);
    const entete = champsDeLaLigne(ligneEntete, separateur);
    const colonnes = resoudreColonnes(entete, noms, bareme !== undefined);
    if (typeof colonnes === "string") return erreur(`« ${o.sinistres} » : ${colonnes}`);
    const config: ConfigBloc = {
      separateur,
      decimale: separateur === 0x3b ? 0x2c : 0x2e,
      encodage,
      colonnes,
      garanties:
        bareme === undefined
          ? []
          : [...bareme.postes.values()].map((p) => ({
              code: p.code,
              calculateur: p.calculateur,
              garantie: p.garantie,
              ...(p.tauxRo ? { tauxRo: p.tauxRo } : {}),
              ...(p.secteur ? { secteur: p.secteur } : {}),
              ...(p.garantieOptam ? { garantieOptam: p.garantieOptam } : {}),
            })),
      sansGarantie: bareme === undefined ? [] : [...bareme.sansGarantie.values()].map((s) => [s.code, s.raison] as const),
      valeursPoste,
      responsable: o.responsable ?? bareme?.responsable ?? true,
      dateContrat: o.dateContrat ?? -1,
      plafonds: o.plafonds,
      sortie: o.sortie !== undefined,
    };

    // The output: CSV written as blocks come; Parquet through a CSV copy that DuckDB converts at the end.
    let sortie: WriteStream | undefined;
    let csvSortie: string | undefined;
    const parquet = o.sortie !== undefined && path.extname(o.sortie).toLowerCase() === ".parquet";
    if (o.sortie !== undefined) {
      csvSortie = parquet ? path.join(tmpdir(), `remb-resultats-${process.pid}-${Date.now()}.csv`) : path.resolve(deps.cwd, o.sortie);
      if (parquet) temporaires.push(csvSortie);
      try {
        sortie = await ouvrirSortie(csvSortie);
      } catch (e) {
        return erreur(`sortie « ${o.sortie} » : ${messageFichier(e)}`);
      }
      const sep = String.fromCharCode(separateur);
      const ajout = [...ENTETE_SORTIE, ...(o.plafonds ? ENTETE_PLAFONDS : []), "remb_rejet"].join(sep);
      await ecrire(sortie, concat(octetsEntete, new TextEncoder().encode(`${sep}${ajout}\n`)));
    }

    const resume = new Resume(bareme, o.sinistres, colonnes.beneficiaire >= 0);
    const progression = !o.silencieux && deps.stderr.isTTY === true ? new Progression(deps.stderr, taille, maintenant) : undefined;
    let premiereLigne = 2; // physical line of the first record after the header
    let rejets: WriteStream | undefined;
    if (o.rejets !== undefined) {
      try {
        rejets = await ouvrirSortie(path.resolve(deps.cwd, o.rejets));
        await ecrire(rejets, new TextEncoder().encode("ligne;motif;frais\n"));
      } catch (e) {
        return erreur(`rejets « ${o.rejets} » : ${messageFichier(e)}`);
      }
    }

    // Blocks in order: the computation is parallel, what is written and counted is not.
    const fils = o.fils ?? (deps.scriptTravailleur !== undefined ? Math.min(availableParallelism(), 8) : 0);
    const moteur =
      fils > 0 && deps.scriptTravailleur !== undefined && taille > tailleBloc ? new Travailleurs(deps.scriptTravailleur, config, fils) : new EnLigne(config);
    let reste = tampon.subarray(finEntete < 0 ? tampon.length : finEntete + 1);
    let fin = finEntete < 0 && lus < tailleBloc;
    let seq = 0;
    let prochain = 0;
    const enAttente = new Map<number, Promise<ResultatBloc>>();
    const consommer = async (): Promise<void> => {
      const r = await enAttente.get(prochain)!;
      enAttente.delete(prochain);
      prochain++;
      if (sortie !== undefined && r.sortie !== null) await ecrire(sortie, r.sortie);
      resume.ajouter(r, premiereLigne);
      if (rejets !== undefined && r.rejets.length > 0) {
        const lignes = r.rejets.map((x) => `${x.ligne + premiereLigne - 1};"${x.raison.replace(/"/g, '""')}";${x.fr >= 0 ? texteEuros(x.fr) : ""}\n`).join("");
        await ecrire(rejets, new TextEncoder().encode(lignes));
      }
      premiereLigne += r.physiques;
      progression?.avancer(r.lignes, octetsLus);
    };
    let octetsLus = lus;
    const maxEnVol = Math.max(2, moteur.largeur * 2 + 1);
    while (!fin || reste.length > 0) {
      let bloc: Uint8Array;
      if (fin) {
        bloc = reste;
        reste = new Uint8Array(0);
      } else {
        const neuf = lire(fd, Math.max(tailleBloc - reste.length, 1 << 16));
        octetsLus += neuf.length;
        if (neuf.length === 0) {
          fin = true;
          continue;
        }
        const tout = concat(reste, neuf);
        const coupe = finDesEnregistrements(tout);
        if (coupe === 0) {
          // A record longer than the block: read on.
          reste = tout;
          continue;
        }
        bloc = tout.subarray(0, coupe);
        reste = tout.slice(coupe);
      }
      if (bloc.length === 0) continue;
      enAttente.set(seq, moteur.calculer(seq, bloc));
      seq++;
      while (enAttente.size >= maxEnVol) await consommer();
    }
    while (enAttente.size > 0) await consommer();
    if (colonnes.beneficiaire >= 0) for (const b of await moteur.beneficiaires()) resume.ajouterBeneficiaires(b);
    await moteur.fermer();
    progression?.terminer();
    if (sortie !== undefined) await fermer(sortie);
    if (rejets !== undefined) await fermer(rejets);
    if (parquet) {
      try {
        await (await import("./parquet")).csvVersParquet(csvSortie!, path.resolve(deps.cwd, o.sortie!), config);
      } catch (e) {
        return erreur(`sortie « ${o.sortie} » : ${(e as Error).message}`);
      }
    }
    const duree = maintenant() - debut;
    if (o.json) deps.stdout.write(`${JSON.stringify(resume.json(duree, o), null, 2)}\n`);
    else deps.stdout.write(resume.texte(duree, o));
    return resume.rejetees > 0 ? 1 : 0;
  } finally {
    closeSync(fd);
  }
}

/** The engine of the blocks: worker threads, or the main thread. */
interface Moteur {
  readonly largeur: number;
  calculer(seq: number, o: Uint8Array): Promise<ResultatBloc>;
  /** The beneficiaries each calculator saw, once the last block is done. */
  beneficiaires(): Promise<Beneficiaires[]>;
  fermer(): Promise<void>;
}

class EnLigne implements Moteur {
  readonly largeur = 1;
  private readonly calcul: CalculBloc;
  constructor(config: ConfigBloc) {
    this.calcul = new CalculBloc(config);
  }
  calculer(_seq: number, o: Uint8Array): Promise<ResultatBloc> {
    return Promise.resolve(this.calcul.calculer(o));
  }
  beneficiaires(): Promise<Beneficiaires[]> {
    return Promise.resolve([this.calcul.beneficiaires()]);
  }
  fermer(): Promise<void> {
    return Promise.resolve();
  }
}

class Travailleurs implements Moteur {
  readonly largeur: number;
  private readonly fils: Worker[] = [];
  private readonly charge: number[] = [];
  private readonly attentes = new Map<number, { ok: (r: ResultatBloc) => void; ko: (e: Error) => void; fil: number }>();
  private readonly fins: ((b: Beneficiaires) => void)[] = [];

  constructor(script: string, config: ConfigBloc, n: number) {
    this.largeur = n;
    for (let k = 0; k < n; k++) {
      const w = new Worker(script, { workerData: { remb: ROLE_TRAVAILLEUR, config } });
      w.on("message", (m: MessageResultat) => {
        if (m.seq < 0) {
          this.fins[k]?.(m.beneficiaires!);
          return;
        }
        const a = this.attentes.get(m.seq);
        if (a === undefined) return;
        this.attentes.delete(m.seq);
        this.charge[a.fil]!--;
        if (m.resultat !== undefined) a.ok(m.resultat);
        else a.ko(new Error(`erreur interne d'un fil de calcul : ${m.erreur ?? "?"}`));
      });
      w.on("error", (e) => {
        for (const [s, a] of this.attentes) {
          if (a.fil === k) {
            this.attentes.delete(s);
            a.ko(e);
          }
        }
      });
      this.fils.push(w);
      this.charge.push(0);
    }
  }

  calculer(seq: number, o: Uint8Array): Promise<ResultatBloc> {
    let fil = 0;
    for (let k = 1; k < this.fils.length; k++) if (this.charge[k]! < this.charge[fil]!) fil = k;
    this.charge[fil]!++;
    return new Promise((ok, ko) => {
      this.attentes.set(seq, { ok, ko, fil });
      // The block's bytes move to the worker (no copy): `o` is a view of its own buffer (see lire / slice).
      const own = o.byteOffset === 0 && o.byteLength === o.buffer.byteLength ? o : o.slice();
      this.fils[fil]!.postMessage({ seq, octets: own }, [own.buffer as ArrayBuffer]);
    });
  }

  beneficiaires(): Promise<Beneficiaires[]> {
    return Promise.all(
      this.fils.map(
        (w, k) =>
          new Promise<Beneficiaires>((ok) => {
            this.fins[k] = ok;
            w.postMessage({ seq: -1 });
          }),
      ),
    );
  }

  async fermer(): Promise<void> {
    await Promise.all(this.fils.map((w) => w.terminate()));
  }
}

function lire(fd: number, n: number): Uint8Array {
  const b = new Uint8Array(n);
  let k = 0;
  while (k < n) {
    const r = readSync(fd, b, k, n - k, null);
    if (r === 0) break;
    k += r;
  }
  return k === n ? b : b.slice(0, k);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

function ouvrirSortie(chemin: string): Promise<WriteStream> {
  return new Promise((ok, ko) => {
    const s = createWriteStream(chemin);
    s.once("open", () => ok(s));
    s.once("error", ko);
  });
}

function ecrire(s: WriteStream, o: Uint8Array): Promise<void> {
  if (s.write(o)) return Promise.resolve();
  return new Promise((ok) => s.once("drain", ok));
}

function fermer(s: WriteStream): Promise<void> {
  return new Promise((ok, ko) => {
    s.end((e?: Error | null) => (e ? ko(e) : ok()));
  });
}

function nettoyer(fichiers: readonly string[]): void {
  for (const f of fichiers) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
}

function messageFichier(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === "ENOENT") return "fichier introuvable.";
  if (code === "EACCES" || code === "EPERM") return "accès refusé.";
  if (code === "EISDIR") return "c'est un dossier.";
  return (e as Error)?.message ?? String(e);
}
