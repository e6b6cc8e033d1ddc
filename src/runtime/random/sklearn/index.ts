// Public surface of scikit-learn's toy-dataset generators (sklearn.datasets.make_*).
export { makeMoons, type MakeMoonsOptions } from "./makeMoons";
export { makeCircles, type MakeCirclesOptions } from "./makeCircles";
export { makeBlobs, type MakeBlobsOptions, type BlobsDataset } from "./makeBlobs";
export { makeClassification, type MakeClassificationOptions } from "./makeClassification";
export { sampleWithoutReplacement } from "./sampleWithoutReplacement";
export { DatasetError, type ToyDataset } from "./toyDataset";
