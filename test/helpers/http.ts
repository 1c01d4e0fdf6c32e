/** A GraphQL POST with chosen headers, answering status, headers and the parsed body. */
export interface PostResult {
  status: number;
  headers: Headers;
  body: any;
}

export async function postGraphql(
  url: string,
  query: string,
  headers: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Promise<PostResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });
