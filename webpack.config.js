/* REMB add-in build: functions.js (+ functions.json from the JSDoc), taskpane.html, manifest.xml, assets. */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** The URL the sources and manifest.xml are written with (the dev server). */
const URL_DEV = "https://localhost:3000/";
/**
 * Where the production build is served from. Set REMB_URL_PROD (ending with "/") when building for a real
 * deployment; the default is a placeholder that makes a forgotten setting obvious in the manifest.
 */
const URL_PROD = process.env.REMB_URL_PROD || "https://remb.example.org/";
const PORT = Number(process.env.REMB_PORT || 3000);

/** Files whose JSDoc is the custom functions' metadata (the public contract; see test/functions/metadata.test.ts). */
const FICHIERS_FONCTIONS = ["./src/functions/functions.ts"];

/**
 * Production builds point the manifest and the functions' help URLs at URL_PROD: the sources keep the dev URL and
 * nobody edits URLs by hand.
 */
class UrlDeploiementPlugin {
  constructor(urlCible) {
    this.urlCible = urlCible;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("UrlDeploiementPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "UrlDeploiementPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        for (const nom of Object.keys(assets)) {
          if (!/\.(xml|json|html)$/.test(nom)) continue;
          const texte = assets[nom].source().toString();
          if (!texte.includes(URL_DEV)) continue;
          compilation.updateAsset(nom, new webpack.sources.RawSource(texte.split(URL_DEV).join(this.urlCible)));
        }
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const urlCible = dev ? URL_DEV : URL_PROD;
  if (!/^https:\/\/.+\/$/.test(urlCible)) {
    throw new Error(`REMB_URL_PROD doit être une URL https se terminant par « / » (reçu : ${urlCible}).`);
  }
  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      // The pane shares the functions' webpack runtime (one module registry for the page): the core it imports is
      // not bundled or loaded twice; its own code is a chunk fetched when the pane shows (src/taskpane/taskpane.ts).
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // REMB.VERIFIER's code (grid reader, postes, rules) is a chunk loaded on its first call: an absolute URL so
      // Excel's runtime finds it whatever page hosts the functions.
      chunkFilename: "[name].js",
      publicPath: urlCible,
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs the transpiled code.
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    optimization: {
      minimizeOptions: {
        // Terser: ES2020 output (the sources are compiled to ES2020 already, and the shared runtime that manifest.xml
        // requires runs in Edge WebView2, Safari's WKWebView or a current browser); a third compression pass.
        javascript: { ecma: 2020, compress: { passes: 3 } },
      },
    },
    // No raw-size hints: the functions bundle's budget is its gzip size, enforced by test/functions/bundle.test.ts.
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FICHIERS_FONCTIONS }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions and the ribbon commands.
        chunks: ["functions", "commands", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/taskpane.css", to: "assets/taskpane.css" },
        ],
      }),
      new UrlDeploiementPlugin(urlCible),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      // Office requires https. REMB_CERTS_AUTO=1 lets webpack-dev-server make a self-signed certificate instead of
      // the trusted localhost one (for checks without Office, e.g. a headless machine without sudo).
      server: env && env.WEBPACK_SERVE && process.env.REMB_CERTS_AUTO !== "1" ? { type: "https", options: await certificatsDev() } : { type: "https" },
      port: PORT,
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};

/** Trusted localhost certificates (office-addin-dev-certs installs them on first use, with sudo on Linux). */
async function certificatsDev() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    throw new Error(
      `Certificats de développement indisponibles (${String(e && e.message).split("\n")[0]}). ` +
        "Installez-les avec « npx office-addin-dev-certs install » (sudo sous Linux), puis relancez « npm run dev-server ».",
      { cause: e },
    );
  }
}
