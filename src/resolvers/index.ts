/**
 * Every resolver, by type. The abstract types resolve by the `kind` their models carry; the
 * federation entities (`@key` in the SDL) also resolve a reference by id.
 */
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, DurationResolver, SafeIntResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema/generated';
import { connectionFields } from './connectionFields';
import { entityReference } from './entityReferences';
import {
  ExternalSourceConfiguration,
  ExternalSourceConfigurationDetails,
} from './ExternalSourceConfiguration';
import { ImportJob } from './ImportJob';
import { KendraDataSource, KendraIndex } from './kendra';
import { QBusinessApplication, QBusinessDataSource, QBusinessIndex } from './qbusiness';
import { QConnectKnowledgeBase } from './qconnect';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Subscription } from './Subscription';
import { SyncJob } from './SyncJob';
import { resolveKind } from './typeResolvers';

/**
 * graphql-scalars' `DateTime`, written as its ISO text during execution: it serializes to a
 * `Date`, and a `Date` left in the result takes `JSON.stringify` off its fast path (a page of 100
 * jobs then took five times as long to write).
 */
const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => {
    const date: unknown = DateTimeResolver.serialize(value);
    return date instanceof Date ? date.toISOString() : date;
  },
});

export const resolvers: Resolvers = {
  DateTime,
  SafeInt: SafeIntResolver,
  Duration: DurationResolver,
  Node: { __resolveType: resolveKind },
  Job: { __resolveType: resolveKind as never, ...entityReference('Job') },
  JobSource: { __resolveType: resolveKind as never, ...entityReference('JobSource') },
  Query,
  Mutation,
  Subscription,
  SyncJob: { ...SyncJob, ...entityReference('SyncJob') },
  ImportJob: { ...ImportJob, ...entityReference('ImportJob') },
  ExternalSourceConfiguration,
  ExternalSourceConfigurationDetails,
  KendraIndex: { ...KendraIndex, ...entityReference('KendraIndex') },
  KendraDataSource: { ...KendraDataSource, ...entityReference('KendraDataSource') },
  QBusinessApplication: { ...QBusinessApplication, ...entityReference('QBusinessApplication') },
  QBusinessIndex: { ...QBusinessIndex, ...entityReference('QBusinessIndex') },
  QBusinessDataSource: { ...QBusinessDataSource, ...entityReference('QBusinessDataSource') },
  QConnectKnowledgeBase: { ...QConnectKnowledgeBase, ...entityReference('QConnectKnowledgeBase') },
  SyncJobConnection: connectionFields,
  ImportJobConnection: connectionFields,
  JobConnection: connectionFields,
  JobSourceConnection: connectionFields,
  KendraIndexConnection: connectionFields,
  QBusinessApplicationConnection: connectionFields,
  QBusinessIndexConnection: connectionFields,
  QConnectKnowledgeBaseConnection: connectionFields,
};
