/**
 * The tabs the IDE opens with. They name no ids: each starts from a list (`kendraIndexes`,
 * `qconnectKnowledgeBases`, the feed), so they run as they are against the demo data and against
 * any account. Danger: a tab that stops running is the first thing a new user sees; a test runs
 * every tab against the demo.
 */

/** One GraphiQL tab: the operation and, when it pages, its variables as JSON text. */
export interface ExampleTab {
  query: string;
  variables?: string;
}

const failedFeed = `# Every failed sync or import of the last 7 days, across services, newest first.
# Run it with the ▶ button (or Ctrl-Enter); paste pageInfo.endCursor into \`after\` for more.
query FailedJobs {
  jobs(first: 10, filter: { states: [FAILED], startedWithin: "P7D" }) {
    edges {
      cursor
      node {
        __typename
        service
        jobId
        startedAt
        source { name service }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const sourceHistory = `# One data source's sync history, five jobs a page: set "after" in the
# variables below to the endCursor of a page to read the next one.
query SourceHistory($after: String) {
  kendraIndexes(first: 1) {
    nodes {
      name
      dataSources(first: 1) {
        nodes {
          name
          ... on KendraDataSource {
            syncJobs(first: 5, after: $after) {
              nodes { executionId status startedAt endedAt error { code message } }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
      }
    }
  }
}
`;

const importJobs = `# Import jobs of a Q Connect knowledge base, with the configuration union.
query ImportJobs {
  qconnectKnowledgeBases(first: 1) {
    nodes {
      name
      importJobs(first: 5) {
        nodes {
          importJobId
          status
          createdTime
          externalSourceConfiguration {
            source
            configuration {
              __typename
              ... on ConnectConfiguration { instanceId }
              ... on UnknownExternalSourceConfiguration { memberName rawJson }
            }
          }
        }
      }
    }
  }
}
`;

const weekSummary = `# Counts by state over the last 7 days, per service and per source.
query WeekSummary {
  jobSummary(filter: { startedWithin: "P7D" }) {
    total
    failureRate
    byState { state count }
    services { service total failureRate }
    sources { source { name service } total failureRate }
  }
}
`;

/** The IDE's opening tabs, in order. */
export const EXAMPLE_TABS: readonly ExampleTab[] = [
  { query: failedFeed },
  { query: sourceHistory, variables: '{ "after": null }' },
  { query: importJobs },
  { query: weekSummary },
];
