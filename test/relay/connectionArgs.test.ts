import { GraphQLError } from 'graphql';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  parseConnectionArgs,
} from '../../src/relay/connectionArgs';

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('parseConnectionArgs', () => {
  it('defaults to the first 20 when neither first nor last is given', () => {
    expect(parseConnectionArgs({})).toEqual({ direction: 'forward', count: DEFAULT_PAGE_SIZE });
    expect(parseConnectionArgs({ first: null, last: null, after: null, before: null })).toEqual({
      direction: 'forward',
      count: 20,
    });
  });

  it('takes first forward and last backward, with their cursors', () => {
    expect(parseConnectionArgs({ first: 5, after: 'a' })).toEqual({
      direction: 'forward',
      count: 5,
      after: 'a',
    });
    expect(parseConnectionArgs({ last: 0, before: 'b' })).toEqual({
      direction: 'backward',
      count: 0,
      before: 'b',
    });
    expect(parseConnectionArgs({ first: MAX_PAGE_SIZE })).toEqual({
      direction: 'forward',
      count: 100,
    });
  });

  it.each([
    [{ first: 250 }, '`first` must be a whole number between 0 and 100, got 250'],
    [{ first: -1 }, '`first` must be a whole number between 0 and 100, got -1'],
    [{ last: 101 }, '`last` must be a whole number between 0 and 100, got 101'],
    [{ last: 2.5 }, '`last` must be a whole number between 0 and 100, got 2.5'],
  ])('refuses %j with a message naming the argument, the value and the limit', (args, message) => {
    const error = errorOf(() => parseConnectionArgs(args));
    expect(error.message).toBe(message);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses first and last together', () => {
    const error = errorOf(() => parseConnectionArgs({ first: 1, last: 1 }));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(
      /`first` and `last` cannot be used together \(got first: 1, last: 1\)/,
    );
  });
});
