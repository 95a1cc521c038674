// The JavaScript peer of the Klinky action for bench/action-startup.sh: the same job as a JavaScript action would do it
// (no runtime to pull, node already on the runner). Link by slug, its stats, the report comment found by its marker
// over every page of the pull request's comments, written (created or updated), then the outputs. Inputs as the
// runner passes them (INPUT_*), GitHub's API from GITHUB_API_URL.
import { appendFileSync, readFileSync } from "node:fs";
import { Octokit } from "@octokit/rest";

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? "";
const baseUrl = input("base-url").replace(/\/$/, "");
const apiKey = input("api-key");
const slug = input("links");
const prNumber = Number(input("pr-number"));
const [owner, repo] = process.env.GITHUB_REPOSITORY.split("/");
const marker = "<!-- klinky-report:default -->";
console.log(`::add-mask::${apiKey}`);

async function klinky(path) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { "X-API-Key": apiKey, Accept: "application/json" } });
  if (!response.ok) throw new Error(`Klinky ${path}: ${response.status}`);
  return response.json();
}

const found = await klinky(`/public/links?slug=${encodeURIComponent(slug)}`);
const link = (found.items ?? found)[0];
if (!link) throw new Error(`Klinky link ${slug} not found`);
const stats = await klinky(`/public/links/${link.id}/stats`);

const rows = (stats.variants ?? []).map((v) => `| ${v.label} | ${v.clicks ?? v.visitors ?? 0} | ${v.conversions ?? 0} |`);
const body = [marker, `### ${link.name} (\`${link.slug}\`)`, "", "| Variant | Clicks | Conversions |", "|---|---:|---:|", ...rows, ""].join("\n");

const octokit = new Octokit({ auth: input("github-token"), baseUrl: process.env.GITHUB_API_URL });
const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: prNumber, per_page: 100 });
const existing = comments.find((c) => c.body?.startsWith(marker));
const written = existing
  ? (await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })).data
  : (await octokit.rest.issues.createComment({ owner, repo, issue_number: prNumber, body })).data;

const output = (name, value) => appendFileSync(process.env.GITHUB_OUTPUT, `${name}<<EOF\n${value}\nEOF\n`);
output("comment-id", written.id);
output("comment-url", written.html_url);
output("pull-request", prNumber);
appendFileSync(process.env.GITHUB_STEP_SUMMARY, body);
console.log(`Klinky: 1 link(s) reported on #${prNumber} (${readFileSync(process.env.GITHUB_EVENT_PATH).length} bytes of event)`);
