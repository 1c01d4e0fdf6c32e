/** Every resolver, by type. The abstract types resolve by the `kind` their models carry. */
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { Resolvers } from '../schema/generated';
import { connectionFields } from './connectionFields';
import { ExternalSourceConfiguration, ExternalSourceConfigurationDetails } from './ExternalSourceConfiguration';
import { ImportJob } from './ImportJob';
import { KendraDataSource, KendraIndex } from './kendra';
import { QBusinessApplication, QBusinessDataSource, QBusinessIndex } from './qbusiness';
import { QConnectKnowledgeBase } from './qconnect';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { SyncJob } from './SyncJob';
import { resolveKind } from './typeResolvers';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  SafeInt: SafeIntResolver,
  Node: { __resolveType: resolveKind },
  Job: { __resolveType: resolveKind as never },
  JobSource: { __resolveType: resolveKind as never },
  Query,
  Mutation,
  SyncJob,
  ImportJob,
  ExternalSourceConfiguration,
  ExternalSourceConfigurationDetails,
  KendraIndex,
  KendraDataSource,
  QBusinessApplication,
  QBusinessIndex,
  QBusinessDataSource,
  QConnectKnowledgeBase,
  SyncJobConnection: connectionFields,
  ImportJobConnection: connectionFields,
  JobConnection: connectionFields,
  JobSourceConnection: connectionFields,
};
