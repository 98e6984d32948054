/** The clustering stage's front door (DESIGN.md contract): the stage itself lives in ./cluster/. */
export {
  assignStories,
  clusterItems,
  clusterWith,
  copyGroups,
  DEFAULT_CLUSTER_POLICY,
  independentPublishers,
  joinStories,
  type Assignment,
  type ClusterPolicy,
  type OpenStory,
  type Vectors,
} from './cluster/index';
