import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Document } from 'openapi-backend';

/**
 * The API contract, checked on every answer the tests see: each response of /api/v1 is held
 * against the OpenAPI document the same app serves at /api/openapi.json, with openapi-backend
 * (routing, $refs, the response object of the status) and Ajv's JSON Schema 2020-12 (what
 * OpenAPI 3.1 schemas are). A response breaks the contract when its status is not documented
 * for its operation, its content type is not one the document lists, or its JSON body does not
 * match the schema. A path no operation matches may only answer the `Error` body.
 */

type Fetch = (path: string, init?: RequestInit) => Response | Promise<Response>;
type Responses = Record<string, { content?: Record<string, unknown> } | undefined>;

const API_ROOT = '/api/v1';
const DOCUMENT_PATH = '/api/openapi.json';

/** One compiled contract per document text: every test context of a worker shares it. */
const contracts = new Map<string, Promise<Contract>>();

class Contract {
  readonly #backend: OpenAPIBackend;
  readonly #errorSchema: (body: unknown) => boolean;
  readonly #ajv: Ajv2020;

  constructor(document: Document) {
    closeObjects(document);
    this.#backend = new OpenAPIBackend({
      definition: document,
      apiRoot: API_ROOT,
      // quick: no check against the OpenAPI 3.0 meta-schema (Redocly lints the 3.1 document in
      // CI) and a synchronous dereference; validators compile when an operation is first seen.
      quick: true,
      customizeAjv: (_ajv, options) => contractAjv(options),
    });
    this.#ajv = contractAjv({});
    const schemas = (document.components?.schemas ?? {}) as Record<string, object>;
    this.#errorSchema = this.#ajv.compile(schemas.Error ?? {});
  }

  async init() {
    await this.#backend.init();
    return this;
  }

  /** Every way `response` breaks the contract; none when it keeps it. */
  async problems(method: string, url: URL, response: Response): Promise<string[]> {
    const status = response.status;
    if (status >= 500 && status !== 503) return [`${status} is never an API answer`];
    const operation = this.#backend.router.matchOperation({
      method: method === 'HEAD' ? 'get' : method.toLowerCase(),
      path: url.pathname,
      query: url.search.slice(1),
      headers: {},
    });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const text = method === 'HEAD' ? '' : await response.clone().text();

    if (!operation) {
      // Unknown paths and methods: only refusals, in the error body.
      if (status < 400) return [`${status} from a path with no documented operation`];
      if (type !== 'application/json') return [`error answered as ${type || 'no content type'}`];
      return this.#errorSchema(JSON.parse(text))
        ? []
        : [`error body: ${this.#ajv.errorsText((this.#errorSchema as { errors?: [] }).errors)}`];
    }

    const label = `${operation.operationId ?? '(no operationId)'}`;
    const documented = documentedResponse(operation.responses as Responses, status);
    if (!documented) return [`${label}: status ${status} is not documented`];
    const content = documented.content ?? {};
    if (text === '') {
      return Object.keys(content).length === 0 || method === 'HEAD'
        ? []
        : [`${label}: ${status} came without the documented body`];
    }
    if (!(type in content)) {
      return [
        `${label}: ${status} answered as ${type || 'no content type'}, documented: ${Object.keys(content).join(', ') || 'no body'}`,
      ];
    }
    if (type !== 'application/json') return [];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${label}: ${status} is not JSON`];
    }
    const result = this.#backend.validator.validateResponse(body, operation, status);
    return (result.errors ?? []).map(
      (error) =>
        `${label}: ${status} body${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    );
  }
}

/**
 * Makes every object schema of the document closed where it does not say otherwise
 * (`unevaluatedProperties: false`), so an answer carrying a field the schema does not name breaks
 * the contract: the document must describe every field clients get, not some of them.
 */
function closeObjects(document: Document): void {
  const seen = new Set<object>();
  const stack: unknown[] = [document.paths, document.components?.schemas];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const schema = node as Record<string, unknown>;
    const isObjectSchema =
      schema.type === 'object' || (typeof schema.properties === 'object' && !('in' in schema));
    if (
      isObjectSchema &&
      !('additionalProperties' in schema) &&
      !('unevaluatedProperties' in schema)
    ) {
      schema.unevaluatedProperties = false;
    }
    stack.push(...Object.values(schema));
  }
}

function contractAjv(options: object): Ajv2020 {
  const ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

function documentedResponse(responses: Responses, status: number) {
  return (
    responses[String(status)] ??
    responses[`${Math.floor(status / 100)}XX`] ??
    responses.default ??
    undefined
  );
}

/** The contract of each app, asked for once (the document takes a while to build). */
const contractOfApp = new WeakMap<Fetch, Promise<Contract>>();

function contractOf(request: Fetch): Promise<Contract> {
  let contract = contractOfApp.get(request);
  if (!contract) {
    contract = loadContract(request);
    contractOfApp.set(request, contract);
  }
  return contract;
}

async function loadContract(request: Fetch): Promise<Contract> {
  const response = await request(DOCUMENT_PATH);
  if (response.status !== 200) throw new Error(`${DOCUMENT_PATH} answered ${response.status}`);
  const text = await response.text();
  let contract = contracts.get(text);
  if (!contract) {
    contract = new Contract(JSON.parse(text) as Document).init();
    contracts.set(text, contract);
  }
  return contract;
}

/** Checks one answer of `request` (the app's own, unchecked) against the app's document. */
export async function assertKeepsContract(
  request: Fetch,
  method: string,
  url: URL,
  response: Response,
): Promise<void> {
  const problems = await (await contractOf(request)).problems(method, url, response);
  if (problems.length === 0) return;
  const body = method === 'HEAD' ? '' : (await response.clone().text()).slice(0, 600);
  throw new Error(
    `The answer to ${method} ${url.pathname}${url.search} breaks the OpenAPI contract:\n` +
      problems.map((problem) => `  - ${problem}`).join('\n') +
      `\n  body: ${body}`,
  );
}

type Requestable = { request: (...args: never[]) => Response | Promise<Response> };

/**
 * Makes `app.request` check every answer under /api/v1 (OPTIONS preflights aside, which are
 * CORS, not operations) against the document the app serves, throwing when one breaks it.
 */
export function checkingApiContract<A extends Requestable>(app: A): A {
  const original = app.request.bind(app) as unknown as (
    input: string | URL | Request,
    init?: RequestInit,
    ...rest: unknown[]
  ) => Response | Promise<Response>;
  const unchecked: Fetch = (path, init) => original(path, init);
  const checked = async (input: string | URL | Request, init?: RequestInit, ...rest: unknown[]) => {
    const response = await original(input, init, ...rest);
    const url = new URL(input instanceof Request ? input.url : input, 'http://localhost');
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    if (url.pathname.startsWith(`${API_ROOT}/`) && method !== 'OPTIONS') {
      await assertKeepsContract(unchecked, method, url, response);
    }
    return response;
  };
  (app as { request: unknown }).request = checked;
  return app;
}
