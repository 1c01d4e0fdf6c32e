/**
 * The ARN the emulator derives for a Q Connect knowledge base id; the account and region are fixed
 * (`123456789012`, `us-east-1`), whatever region the client was configured with.
 *
 * Danger: responses, the path lookup (`knowledgeBaseId` may be this ARN) and fixture checks must
 * all use this one function, or an ARN read from a response would not find its knowledge base.
 */
export function knowledgeBaseArn(knowledgeBaseId: string): string {
  return `arn:aws:wisdom:us-east-1:123456789012:knowledge-base/${knowledgeBaseId}`;
}
