// `npm start`: sideloads REMB into Excel where office-addin-debugging supports the platform (Excel for Windows or
// Mac, or Excel on the web with `npm start -- web --document <URL of a workbook>`), and elsewhere explains in French
// how to load the add-in by hand instead of failing with a stack trace.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const require = createRequire(import.meta.url);
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const cible = args[0] === "web" || args[0] === "desktop" ? args[0] : "desktop";
const document = args.includes("--document") ? args[args.indexOf("--document") + 1] : undefined;
const port = process.env.REMB_PORT || "3000";

const EXPLICATION_WEB = `
Utiliser REMB dans Excel sur le web (chargement manuel du complément) :

  1. Certificats de développement (une fois) : npx office-addin-dev-certs install
     (sous Linux, la commande demande sudo et ajoute l'autorité au magasin du système ; le navigateur doit lui
     faire confiance).
  2. Serveur de développement : npm run dev-server
     (il sert https://localhost:${port}/ : functions.js, functions.json, taskpane.html et les pages d'aide).
  3. Dans Excel sur le web, ouvrez un classeur, puis Accueil › Compléments › Autres compléments
     (ou Insertion › Compléments Office) › Charger mon complément, et choisissez ${path.join(racine, "manifest.xml")}.
  4. Tapez =REMB. dans une cellule ; le bouton « Volet REMB » de l'onglet Accueil ouvre le volet.

Pour un déploiement : REMB_URL_PROD=https://votre-serveur/remb/ npm run build, publiez le dossier dist/ à
cette adresse, puis chargez dist/manifest.xml de la même façon (ou via le centre d'administration Microsoft 365).
Avec un classeur OneDrive, le chargement peut être automatique : npm start -- web --document <URL du classeur>.
`;

function expliquer(raison) {
  console.log(`REMB ne peut pas être chargé automatiquement dans Excel ici : ${raison}`);
  console.log(EXPLICATION_WEB);
}

function outilDebogage() {
  try {
    require("office-addin-debugging");
    return require.resolve("office-addin-debugging/cli.js");
  } catch (e) {
    const manque = /Cannot find module '([^']+)'/.exec(String(e && e.message))?.[1];
    return {
      erreur: manque
        ? `office-addin-debugging ne se charge pas (module « ${manque} » manquant dans node_modules ; ` +
          `il est normalement apporté par une dépendance optionnelle non installée).`
        : `office-addin-debugging ne se charge pas (${String(e && e.message).split("\n")[0]}).`,
    };
  }
}

const pris_en_charge = cible === "web" ? Boolean(document) : process.platform === "win32" || process.platform === "darwin";
if (!pris_en_charge) {
  expliquer(
    cible === "web"
      ? "le chargement dans Excel sur le web demande l'adresse d'un classeur (npm start -- web --document <URL>)."
      : `Excel de bureau n'existe pas pour ce système (${process.platform}).`,
  );
  process.exit(0);
}

const cli = outilDebogage();
if (typeof cli !== "string") {
  expliquer(cli.erreur);
  process.exit(1);
}

const options = ["start", path.join(racine, "manifest.xml"), cible, "--dev-server", "npm run dev-server", "--dev-server-port", port];
if (document) options.push("--document", document);
console.log(`Chargement de REMB dans Excel (${cible === "web" ? "sur le web" : "de bureau"})…`);
const enfant = spawn(process.execPath, [cli, ...options], { cwd: racine, stdio: "inherit" });
enfant.on("exit", (code) => {
  if (code !== 0) {
    expliquer(`office-addin-debugging s'est arrêté avec le code ${code}.`);
    process.exit(code ?? 1);
  }
});
