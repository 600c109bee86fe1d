"""The lab catalog: one record per lab, in learning order.

The id is the folder name under source/ and release/ and the notebook's file stem.
"""

from __future__ import annotations

from dataclasses import dataclass


class UnknownLabError(KeyError):
    """Raised for a lab id (or number) that is not in the catalog."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Lab:
    id: str
    title: str
    skill: str
    concepts: tuple[str, ...]
    minutes: int
    dataset: str

    @property
    def notebook(self) -> str:
        """File name of the lab's notebook inside its folder."""
        return f"{self.id}.ipynb"


LABS: tuple[Lab, ...] = (
    Lab(
        id="01-regression-baseline",
        title="Regression and baselines",
        skill="Beat a dumb baseline first, pick the error metric, and model prices on a log scale.",
        concepts=("baseline", "RMSE vs MAE vs R²", "log target", "one-hot encoding",
                  "unseen categories", "pipelines"),
        minutes=45,
        dataset="ames",
    ),
    Lab(
        id="02-classification-metrics",
        title="The right metric and threshold",
        skill="See through the accuracy paradox and choose a threshold for a business goal.",
        concepts=("accuracy paradox", "confusion matrix", "precision / recall / F1",
                  "ROC-AUC vs PR-AUC", "decision threshold"),
        minutes=45,
        dataset="default",
    ),
    Lab(
        id="03-validation-and-leakage",
        title="Validation without lying to yourself",
        skill="Repair a leaky pipeline and report an estimate that holds on unseen rows.",
        concepts=("train/validation/test", "k-fold CV", "preprocessing inside the fold",
                  "target leakage", "ID leakage", "tuning on the test set"),
        minutes=60,
        dataset="lending_club",
    ),
    Lab(
        id="04-feature-engineering",
        title="Features from messy tables",
        skill="Turn raw mixed-type rows with gaps into features, all inside one pipeline.",
        concepts=("missing values", "imputation", "categorical encoding", "scaling",
                  "ColumnTransformer", "the rownames trap"),
        minutes=45,
        dataset="credit_data",
    ),
    Lab(
        id="05-overfitting-regularization",
        title="Overfitting and regularization",
        skill="Read learning and validation curves, and pick model complexity by CV, not by hope.",
        concepts=("bias vs variance", "learning curves", "validation curves", "L1 vs L2",
                  "polynomial features", "tree depth"),
        minutes=45,
        dataset="concrete",
    ),
    Lab(
        id="06-model-selection",
        title="Which model for which task",
        skill="Choose between linear models and tree ensembles, and defend the choice.",
        concepts=("linear vs tree ensembles", "interactions", "feature engineering",
                  "PR-AUC", "interpretability"),
        minutes=45,
        dataset="churn",
    ),
    Lab(
        id="07-imbalanced-classification",
        title="Rare events",
        skill="Handle a 6 % positive class: resample inside CV only, weight, and set a costed "
              "threshold.",
        concepts=("class imbalance", "resampling inside CV", "class weights", "PR-AUC",
                  "cost-based threshold"),
        minutes=45,
        dataset="caravan",
    ),
    Lab(
        id="08-tuning-and-training-speed",
        title="Tune and train fast",
        skill="Tune within a budget and make training an order of magnitude faster.",
        concepts=("random vs grid search", "early stopping", "histogram gradient boosting",
                  "n_jobs", "time budgets"),
        minutes=45,
        dataset="hotel_rates",
    ),
    Lab(
        id="09-ml-from-scratch",
        title="The whiteboard classics in NumPy",
        skill="Code logistic regression, kNN and k-means from scratch, vectorized and stable.",
        concepts=("gradient descent", "stable sigmoid", "vectorization", "k-nearest neighbours",
                  "k-means"),
        minutes=60,
        dataset="breast_cancer",
    ),
    Lab(
        id="10-unsupervised",
        title="Clustering and dimensionality reduction",
        skill="Cluster and compress data, and say how you know the result is any good.",
        concepts=("scaling before distances", "choosing k", "PCA", "silhouette",
                  "adjusted Rand index"),
        minutes=45,
        dataset="wine",
    ),
    Lab(
        id="11-neural-networks",
        title="Neural networks that train (and their bugs)",
        skill="Build a Keras MLP that trains, and fix one that does not.",
        concepts=("Keras MLP", "learning rate", "label format", "validation split",
                  "loss curves"),
        minutes=60,
        dataset="digits",
    ),
    Lab(
        id="12-cnn-image-recognition",
        title="Image recognition",
        skill="Build a small CNN that stays right when the image shifts by a pixel.",
        concepts=("convolution", "pooling", "translation robustness", "augmentation",
                  "parameter budget"),
        minutes=60,
        dataset="digits",
    ),
    Lab(
        id="13-nlp-text-classification",
        title="Text classification",
        skill="Build a text classifier from bag of words to TF-IDF n-grams and beat the baseline.",
        concepts=("tokenization", "bag of words", "TF-IDF", "n-grams",
                  "linear baselines vs embeddings"),
        minutes=45,
        dataset="food_reviews",
    ),
    Lab(
        id="14-recommender-systems",
        title="Recommendations",
        skill="Predict ratings from biases to matrix factorization, and handle cold start.",
        concepts=("bias baselines", "regularization", "matrix factorization", "cold start"),
        minutes=60,
        dataset="movielens",
    ),
    Lab(
        id="15-time-series-forecasting",
        title="Forecasting without peeking",
        skill="Forecast with lag features, validate forward in time, and beat the seasonal naive.",
        concepts=("time-based splits", "lag features", "seasonal naive baseline",
                  "optimistic CV"),
        minutes=45,
        dataset="chicago",
    ),
    Lab(
        id="16-debug-the-pipeline",
        title="Find the bugs",
        skill="Find and fix the faults in a working-looking credit-risk pipeline.",
        concepts=("leakage", "wrong metric", "test-set tuning", "ID features", "debugging"),
        minutes=60,
        dataset="lending_club",
    ),
    Lab(
        id="17-attention-and-transformers",
        title="Attention from scratch",
        skill="Write attention, masks and multi-head attention in NumPy to equal Keras, give a "
              "tiny transformer positions, sample with temperature, top-k and top-p, and decode "
              "with a KV cache.",
        concepts=("scaled dot-product attention", "stable softmax", "causal and padding masks",
                  "multi-head attention", "positional embeddings", "temperature / top-k / top-p",
                  "KV cache", "MQA and GQA", "FlashAttention"),
        minutes=60,
        dataset="food_reviews",
    ),
    Lab(
        id="18-embeddings-and-retrieval",
        title="Search: embeddings and retrieval",
        skill="Write BM25 and the ranking metrics, learn dense vectors from the corpus, fuse "
              "both by reciprocal rank, and measure what an approximate index trades for speed.",
        concepts=("BM25", "dense retrieval (LSA)", "recall@k / MRR / nDCG", "cosine similarity",
                  "IVF approximate nearest neighbours", "reciprocal-rank fusion",
                  "retrieve then rerank"),
        minutes=60,
        dataset="nace_rev2",
    ),
    Lab(
        id="19-shipping-a-model",
        title="Ship it: a model behind a serving contract",
        skill="Serve one feature function to training and requests, save and load the model, "
              "refuse bad records by field, keep a latency budget, calibrate probabilities, and "
              "monitor drift with PSI.",
        concepts=("train/serve skew", "model artifact", "schema validation", "latency budget",
                  "probability calibration", "expected calibration error",
                  "population stability index", "drift monitoring", "shadow and canary launch"),
        minutes=60,
        dataset="lending_club",
    ),
    Lab(
        id="20-experiments-and-ab-tests",
        title="Experiments you can defend",
        skill="Test and size an A/B test, peek without lying, cut variance with CUPED, catch a "
              "broken split, and compare two models with a paired bootstrap.",
        concepts=("two-proportion test", "confidence interval", "power and sample size",
                  "peeking and sequential tests", "CUPED", "sample-ratio mismatch",
                  "paired bootstrap"),
        minutes=60,
        dataset="resume_names",
    ),
)


def ids() -> list[str]:
    return [lab.id for lab in LABS]


def get(lab_id: str) -> Lab:
    """The lab with this id, or with this number ("1", "01") as a shorthand."""
    for lab in LABS:
        if lab_id == lab.id or (lab_id.isdigit() and int(lab_id) == int(lab.id[:2])):
            return lab
    raise UnknownLabError(f"unknown lab {lab_id!r}; labs are: {', '.join(ids())}")
