/**
 * The `Configuration` tagged union: `configuration` picks the member; a member the gateway does not
 * know becomes `UnknownExternalSourceConfiguration` (see `toConfigurationDetails`), never an error.
 */
import { toConfigurationDetails } from '../model/externalSource';
import type {
  ExternalSourceConfigurationDetailsResolvers,
  ExternalSourceConfigurationResolvers,
} from '../schema/generated';

export const ExternalSourceConfiguration: ExternalSourceConfigurationResolvers = {
  source: (config) => config.source,
  configuration: (config) => toConfigurationDetails(config.configuration),
};

export const ExternalSourceConfigurationDetails: ExternalSourceConfigurationDetailsResolvers = {
  __resolveType: (details) => details.kind,
};
