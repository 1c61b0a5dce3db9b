// Lesson text for the steps of the self-attention lesson (plain-text data, inserted with textContent).
// Ids, titles and order come from the registry (steps/index.js); this file holds only the words.
import { STEP_LIST } from '../steps/index.js';

const S000 = "000_e68c20ce6d1154cb.txt";
const S001 = "001_17eb211d23c5653c.txt";
const S002 = "002_ff4b9da36f6051b1.txt";
const S003 = "003_08b5580a5932850b.txt";
const S004 = "004_7eb6b8458751f4e4.txt";

const TEXTS = [
  {
    id: "why-attention",
    objective:
      "Explain why a model that handles words strictly in turn loses early information, and how self-attention links every pair of words directly.",
    paragraphs: [
      "Words lean on each other. In “The cat sat down”, you know who sat because “cat” is close by, and “down” tells you how the sitting went. Any model of language has to pick up links like these between words.",
      "Before transformers, the usual tool was a recurrent network (an RNN). It takes one token per step and carries a running memory, the hidden state, from step to step: h1 = f(“The”, h0) → h2 = f(“cat”, h1) → h3 = f(“sat”, h2) → h4 = f(“down”, h3).",
      "Everything the network knows about “The” has to survive inside that single fixed-size vector (often 512 numbers), which gets rewritten at every step. Over a long sentence the first words blur a little more with each hop, until little of them is left. This is the bottleneck.",
      "Two more costs come with the chain. Step 3 cannot begin until step 2 is done, so the work cannot be spread across the thousands of cores in a GPU. And during training the error signal has to travel back through every step, shrinking as it goes, so links between far-apart words are hard to learn.",
      "Self-attention drops the chain. Each token looks straight at every other token in a single move, so any two words are one step apart, whether they are neighbours or hundreds of positions away. The rest of this lesson builds that mechanism one piece at a time.",
    ],
    tryThis: [
      "Use the controls to walk along the recurrent chain and count the hops that separate “The” from “down”; then count the hops between the same two words under self-attention.",
      "Think of a sentence where the subject and its verb sit far apart, such as “The matzah, which took three hours to make, was excellent”. Ask which earlier word “was excellent” really needs.",
    ],
    takeaway:
      "A recurrent network squeezes the past through one fading memory, while self-attention gives every token a direct, one-step line to every other token.",
    sources: [S001, S000, S004],
  },
  {
    id: "contextual-meaning",
    objective:
      "Tell a static embedding from a contextual representation, and describe how neighbouring words should pull a word's vector toward the right sense.",
    paragraphs: [
      "Many words change meaning with their company. “Light” can be a weight, a shade of colour or a thing you switch on. Put “I love Apple phones” next to “I love apple juice”: the letters match, but one is a tech company and the other a fruit.",
      "A model stores each token as an embedding, a list of numbers. A plain embedding is static: it comes from a lookup table, so “apple” receives the very same vector in every sentence. If that vector sits halfway between tech and fruit, it is too vague for either sentence.",
      "What we want instead is a contextual representation: a new vector for the word, built for the sentence it is in. The static vector describes the word in general; the contextual one describes it in this particular place.",
      "Picture meaning as a map with a tech region on one side and a fruit region on the other. The plain Apple vector lies somewhere in the middle. The other words behave a little like masses in a gravity field. With “phones” in the sentence, the new Apple vector is dragged toward tech; with “juice”, it drifts toward fruit. Closely related words pull hard, unrelated ones hardly at all.",
      "Self-attention is the machinery that decides how strongly each neighbour pulls, and then computes where the word ends up.",
    ],
    tryThis: [
      "Find the starting Apple vector on the meaning plot and note that it sits between the tech side and the fruit side.",
      "Use the controls to switch between the phones sentence and the juice sentence, and watch which side the new Apple vector moves toward.",
      "Before looking, predict where the new vector for “love” will land in each sentence, then check.",
    ],
    takeaway:
      "A static embedding gives a word one meaning everywhere; a contextual representation lets the rest of the sentence pull it toward the sense that fits.",
    sources: [S003],
  },
  {
    id: "dot-product",
    objective:
      "Compute the dot product of two small vectors and predict whether it will be large, zero or negative from how the vectors point.",
    paragraphs: [
      "To decide how hard one word should pull on another, we need a single number for how related two vectors are. A common choice is the dot product: multiply the entries pair by pair, then add. For a = [a1, a2] and b = [b1, b2], a·b = a1×b1 + a2×b2.",
      "The result tells a story. Two vectors aimed the same way give a large positive number. At a right angle to each other they give exactly 0. Aimed in opposite directions, they give a negative number.",
      "A small example, using the toy vectors that come back in the worked example: love = [1, 0], Apple = [1, 1], phones = [0, 2]. Then Apple·love = 1×1 + 1×0 = 1 and Apple·phones = 1×0 + 1×2 = 2. In this tiny space, Apple has more in common with phones than with love.",
      "Length counts as well as direction. Stretch a vector to twice its length and every dot product with it doubles. Keep that in mind: with many dimensions, dot products can become large, and we will have to tame them.",
      "A dot product is only a raw score. It can take any size and any sign, so it cannot yet say what share of attention a word should get. The next step turns scores into shares.",
    ],
    tryThis: [
      "Drag one vector until it points the same way as the other, and watch the dot product climb.",
      "Turn one vector until the two meet at a right angle; the dot product should read 0.",
      "Drag a vector to the far side so the two point in opposite directions, and see the product go negative.",
      "Keep the angle fixed and stretch one vector: the product grows even though the direction did not change.",
    ],
    takeaway:
      "The dot product is a quick similarity score: large when two vectors agree, zero when they are unrelated, negative when they disagree, and bigger for longer vectors.",
    sources: [S003],
  },
  {
    id: "softmax",
    objective:
      "Turn a list of raw scores into softmax weights by hand and predict what large gaps between scores will do.",
    paragraphs: [
      "Raw scores can be negative, zero or huge. To blend vectors we need shares instead: numbers that are never negative and add up to exactly 1. Think of it as one unit of attention to hand out.",
      "Softmax makes the change in two moves. First, take e to the power of each score; every result is now positive, and bigger scores grow far faster than smaller ones. Second, divide each result by the total of all of them.",
      "Suppose Apple gives love, Apple and phones the scores 1, 3 and 6. Exponentiating gives about 2.72, 20.09 and 403.43, which add to about 426.23. Dividing each by that total gives roughly 0.006, 0.047 and 0.946, and the three shares sum to 1.",
      "The ranking survives: phones gets the most, love the least. Love is not set to zero, which is why it is a soft version of picking the maximum. But look at what the gaps did. Scores 5 apart became shares about 150 times apart, because e⁵ ≈ 148.",
      "Only differences between scores matter: add the same number to all of them and the shares do not move. Make the gaps larger, though, and the result slides toward one-hot, with almost all the weight on the top score and almost none anywhere else. That behaviour will matter in the scaling step.",
    ],
    tryThis: [
      "Type the scores 1, 3 and 6 and check that the shares come out near 0.006, 0.047 and 0.946.",
      "Add 10 to every score and confirm that none of the shares changes.",
      "Make all three scores equal and see each receive one third.",
      "Widen the gap, for example to 1, 3 and 20, and watch one share approach 1 while the rest fall toward 0.",
    ],
    takeaway:
      "Softmax exponentiates and normalises, so any list of scores becomes positive shares that add to 1, and big gaps make the shares very lopsided.",
    sources: [S003],
  },
  {
    id: "first-version",
    objective:
      "Build a new word vector as a weighted mix of the sentence's vectors, and name the two reasons this simple version is not enough.",
    paragraphs: [
      "We now have enough for a first attempt. To rebuild Apple: score it against each word in the sentence with dot products, turn the scores into weights with softmax, scale each word's vector by its weight, and add the results. Every other word is rebuilt the same way.",
      "Say the weights for love, Apple and phones came out as 0.1, 0.5 and 0.4. The new Apple would be 0.1 × love + 0.5 × Apple + 0.4 × phones. Half of it is still the old Apple, and a large slice comes from phones, which drags it toward the tech region. That is the gravity picture in numbers.",
      "First problem: nothing here can learn. The recipe only uses the fixed embeddings and fixed arithmetic. Take “I love Apple watch”. A watch could mean looking at something, a clock, or a smartwatch, so its plain vector sits somewhere between those senses, just as Apple sits between fruit and company. Comparing two vague vectors may never reveal that together they name a product. The model needs adjustable parts that training can tune.",
      "Second problem: one vector does three jobs. The same embedding decides what a word is looking for, what it advertises to others, and what it passes on when chosen. And because a·b always equals b·a, relevance is symmetric: Apple's score for phones must equal phones' score for Apple. Language is lopsided. Phones should reshape Apple a lot, while Apple need not reshape phones nearly as much.",
      "One idea fixes both problems: give every word three separate, learned versions of itself.",
    ],
    tryThis: [
      "Use the controls to change the mixing weights and watch where the new Apple vector lands.",
      "With Apple = [1, 1] and phones = [0, 2], work out Apple·phones and phones·Apple by hand. Both give 2, so plain dot products can never make the pull one-sided.",
      "Give Apple a weight of 1 and the others 0: the “new” vector is just the old one, and the context is ignored.",
    ],
    takeaway:
      "Mixing vectors by softmax weights already gives contextual meaning, but without learned parts it cannot adapt and its relevance is forced to be symmetric.",
    sources: [S003],
  },
  {
    id: "qkv",
    objective:
      "Describe the query, key and value of a token as three learned projections of one embedding, and say which of them decide the weights.",
    paragraphs: [
      "The fix is to project each embedding in three different ways. Multiply a token's embedding x by three learned matrices: x·W_Q gives its query, x·W_K its key, and x·W_V its value. For all tokens at once, stacked as rows of X: Q = X·W_Q, K = X·W_K, V = X·W_V.",
      "Each gets its own job. The query states what this token is searching for. The key is the label it shows so that others can judge whether it is relevant to them. The value is the content it actually hands over when someone attends to it. Queries meet keys to produce scores; values wait until the weights are ready.",
      "A library makes a good picture. Your search phrase is the query, the labels on the shelves are the keys, and the text inside the books is the value. You compare your phrase with the labels, then spend most of your reading time in the books whose labels fit best.",
      "Or picture a dinner party. Each guest has a question on their mind (the query), wears a name tag showing what they can talk about (the key), and has a story ready if someone turns to them (the value). Wondering who at the table knows about music is different from a tag that reads “jazz player”, and both differ from the tale itself. Keeping the three apart lets a token look for something other than what it offers.",
      "Queries and keys must share a width, d_k, so that each query-key dot product is a single number. Values may have another width, d_v, though the two are usually equal. In a single head, W_Q, W_K and W_V are the only parts that learn. And scoring is now one-directional: Apple's query against phones' key no longer has to equal phones' query against Apple's key.",
    ],
    tryThis: [
      "Select a query row and read its dot product with every key.",
      "Select the Apple row, then the phones row, and compare the score for that pair in each direction; the two numbers no longer have to agree.",
      "Pick the query row that gives its own key the highest score, and then look for one that prefers a different token.",
    ],
    takeaway:
      "Each token is projected three ways: its query and the other tokens' keys decide how much it listens, and the values decide what it hears.",
    sources: [S003, S004, S001, S002],
  },
  {
    id: "worked-example",
    objective:
      "Carry a three-token sentence through every stage of attention by hand, from embeddings to new contextual vectors.",
    paragraphs: [
      "Let's compute everything for “love Apple phones” with embeddings of just two numbers: love = [1, 0], Apple = [1, 1], phones = [0, 2]. The matrices are toys, picked so the arithmetic stays small: W_Q is the identity, W_K = [[1, 1], [0, 1]] (each row belongs to one input dimension), and W_V is the identity too. In a real model these matrices begin as small random numbers and are learned in training.",
      "Queries: the identity leaves each embedding as it is, so the queries are [1, 0], [1, 1] and [0, 2]. Keys: multiply each embedding by W_K, giving love [1, 1], Apple [1, 2] and phones [0, 2]. Values: the embeddings again.",
      "Scores: dot every query with every key. With rows for the queries love, Apple, phones and columns for the keys in that same order, the matrix is [[1, 1, 0], [2, 3, 2], [2, 4, 4]]. Apple's row, for instance: [1, 1]·[1, 1] = 2, [1, 1]·[1, 2] = 3, [1, 1]·[0, 2] = 2.",
      "Scale and softmax: each key has 2 numbers, so d_k = 2 and we divide by √2 ≈ 1.414. Apple's row becomes about [1.41, 2.12, 1.41], and softmax turns it into 0.2483, 0.5035 and 0.2483, roughly 0.25, 0.50 and 0.25. Apple listens half to itself and a quarter each to love and phones.",
      "Mix the values: the new Apple is 0.25 × [1, 0] + 0.50 × [1, 1] + 0.25 × [0, 2] = [0.75, 1.00]. The other two rows work the same way and give love ≈ [0.80, 0.80] and phones ≈ [0.55, 1.34]. Those three vectors are the output: one contextual vector per token.",
      "Notice who did what. Queries and keys fixed the weights; values supplied what was mixed.",
    ],
    tryThis: [
      "Check Apple's row yourself: divide 2, 3 and 2 by 1.414, apply softmax, and you should land on 0.2483, 0.5035 and 0.2483.",
      "Add up each row of the weights and confirm that every row comes to 1.",
      "Use the controls to follow one number from the score matrix through scaling and softmax into the output.",
    ],
    takeaway:
      "With tiny numbers you can see the whole chain: project, score, scale, softmax, mix, and Apple comes out as [0.75, 1.00].",
    sources: [S003],
  },
  {
    id: "matrix-form",
    objective:
      "Follow the shapes from X through Q, K, V and QKᵀ to the output, and say how big the score matrix is for a given number of tokens.",
    paragraphs: [
      "One word at a time is good for intuition; computers would rather do it all at once. Stack the N token embeddings as the rows of one matrix X, of shape N × d_model.",
      "Three matrix products give Q = X·W_Q, K = X·W_K and V = X·W_V. For 3 tokens with 512 numbers each, X is 3 × 512. If every W is 512 × 64, then Q, K and V are each 3 × 64, so d_k = 64.",
      "Next, QKᵀ multiplies a 3 × 64 matrix by a 64 × 3 matrix, giving a 3 × 3 grid whose entry in row i and column j is query i dotted with key j. Every pair is scored in one multiplication. With 100 tokens the grid is 100 × 100: ten thousand scores.",
      "Divide the grid by √d_k, apply softmax along each row (one row per query, so every row sums to 1), then multiply the N × N weights by the N × d_v values. The result is N × d_v: one new context-aware vector per token, in the same order as the input.",
      "To read a weight matrix: the row is the token doing the looking, the column is the token being looked at, and the cell says how much of that column's value goes into that row's output.",
    ],
    tryThis: [
      "Use the controls to change the number of tokens and compare how the score grid grows (N × N) with how Q, K and V grow (N × d_k).",
      "Trace one output row back: it is one row of weights multiplied by the whole of V.",
      "Check the inner sizes of each product: 3 × 64 times 64 × 3 fits, but 3 × 64 times 3 × 64 does not, which is why K is transposed.",
    ],
    takeaway:
      "Attention is a few matrix products: X (N × d_model) becomes Q, K, V (N × d_k), QKᵀ is N × N, and the output has one row per token.",
    sources: [S003, S004],
  },
  {
    id: "scaling",
    objective:
      "Explain why raw dot products spread out as d_k grows, what that does to softmax and training, and how dividing by √d_k fixes it.",
    paragraphs: [
      "Why divide by √d_k at all? Suppose every entry of q and k is independent, with mean 0 and variance 1. Their dot product adds up d_k such products, each of variance 1, so the sum has variance d_k. Its typical size, the standard deviation, is √d_k.",
      "With d_k = 64 the typical size is √64 = 8, so scores around ±8 are ordinary and gaps of 10 or more between scores in the same row are common. Remember what big gaps do to softmax: the top score grabs most of the weight and the rows turn sharply peaked; the scene below measures how peaked.",
      "That hurts learning. Once softmax is saturated, nudging a losing score changes almost nothing, so the gradients for those keys are close to zero. Learning crawls, with almost all of the signal flowing through the single winning key.",
      "Dividing by √d_k cancels the growth: the scaled scores keep a spread near 1 whatever d_k is, so softmax stays soft and gradients keep flowing. For d_k = 64, that means dividing every score by 8.",
      "At small sizes, such as d_k = 2 in the worked example, the effect is mild. That is why forgetting the scale can look harmless in toy code and only cause damage at real sizes.",
    ],
    tryThis: [
      "Move the d_k slider from small values up to 64 and watch the spread of the raw scores grow roughly like √d_k, while the scaled scores stay near 1.",
      "Set d_k to 16 and check that the raw spread sits near 4, since √16 = 4.",
      "At a large d_k, compare how peaked the softmax rows are before and after scaling.",
    ],
    takeaway:
      "Dot products of d_k unit-variance entries spread like √d_k, which saturates softmax, so dividing by √d_k brings the spread back near 1 and keeps gradients alive.",
    sources: [S004, S002],
  },
  {
    id: "sentence",
    objective:
      "Read a full attention matrix for a typed sentence, row by row and stage by stage, and say what an untrained matrix can and cannot show.",
    paragraphs: [
      "Now the whole pipeline runs on a sentence you type. The default is “The cat sat down”. Each word becomes a token with an embedding, and the scene shows the full N × N matrix: one row per query, one column per key.",
      "You can move through the stages: raw scores, scaled scores, masked scores (these differ only when a mask is on), softmax weights, and finally the output. The query scrubber highlights one row at a time, which shows how a single token shares out its attention. Every row of weights adds to 1.",
      "Be clear about what you are looking at. With the weights switch on “random” (where the scene starts), nothing is learned: the token embeddings are seeded pseudo-random numbers, and W_Q, W_K and W_V are seeded pseudo-random projections of them. The arithmetic is the real attention computation, but the patterns are only illustrative.",
      "Switch to “learned” and the same computation runs on weights that this lesson's own trainer learned (step 17 shows it training): small models trained on one family of sentences each. The scene then says which task the weights were trained on, and what the row the model answers from actually does, measured from the numbers on screen. A learned model only knows the words of its task; for any other word it says so and shows the random weights instead.",
      "In a trained model, patterns carry meaning. For “The animal didn't cross the street because it was too tired”, the row for “it” in a well-trained model tends to weigh “animal” far above “street”. Trained models also show verbs attending to their subjects and a strong diagonal, since a token is often its own best source of information. Nobody programs these links; they appear because they help the model predict well.",
      "So use the random weights to practise reading rows, columns and shares: if their “it” happens to pick “animal”, that is luck, not understanding. The learned weights show what training does to the same rows.",
    ],
    tryThis: [
      "Type “The animal didn't cross the street because it was too tired” into the sentence box, move the query scrubber to “it”, and read its row.",
      "Step from scores to scaled scores to softmax weights and watch how each row's largest entry changes.",
      "Turn the mask toggle on and see the weights above the diagonal drop to zero.",
      "Use the animal sentence, switch the weights to “learned”, and compare the row of “it” in layer 1 and in layer 2; then change “tired” to “wide”.",
    ],
    takeaway:
      "An attention matrix is read row by row, each row one token's shares of attention; random weights give patterns that mean nothing, learned weights give patterns training put there.",
    sources: [S001, S002, S004],
  },
  {
    id: "causal-mask",
    objective:
      "Apply a causal mask to a score matrix and explain why it must come before softmax and why each row still sums to 1.",
    paragraphs: [
      "When a model writes text, it predicts the next token from the tokens so far. In training it sees whole sentences at once, so it must be stopped from peeking ahead; otherwise it would learn to copy the answer rather than predict it.",
      "The causal mask does that. Before the softmax, every score above the diagonal, where the key comes later than the query, is replaced with −∞. Because e to the power −∞ is 0, those positions get a weight of exactly 0. The softmax then shares each row among the allowed positions, so each row still sums to 1.",
      "The first row is the extreme case: token 1 may see only itself, so its weight on itself is 1. Row 2 splits between tokens 1 and 2, row 3 among the first three, and so on. The weights form a lower triangle.",
      "Decoder-only models such as GPT mask every attention layer like this. Encoders such as BERT use no causal mask, so each token sees the whole input. Encoder-decoder models such as T5 combine the two: an unmasked encoder, and a masked decoder that also attends to the encoder's output.",
      "The order matters: the mask has to be applied before the softmax, not after it. The mistake lab shows what goes wrong otherwise.",
    ],
    tryThis: [
      "The mask starts on: check that the first row puts all of its weight on the first token, then switch the mask off and watch that row spread out.",
      "With the mask on, scrub the query to the last token; it is the only row that still sees every token.",
      "Compare one row with the mask off and on: the allowed weights grow so that the row still adds to 1.",
    ],
    takeaway:
      "A causal mask sets future scores to −∞ before softmax, so each token attends only to itself and earlier tokens while every row still sums to 1.",
    sources: [S004, S002],
  },
  {
    id: "positions",
    objective:
      "Show that attention by itself ignores word order, and describe how sinusoidal positional encodings added to the embeddings restore it.",
    paragraphs: [
      "Here is a surprise: nothing in attention knows where a token sits. Scores depend only on the vectors, not on their positions. Shuffle the tokens (with no mask on) and the score and weight matrices shuffle along with them: the same numbers, just moved. Each token's output vector stays exactly the same.",
      "For language that is a serious flaw. “The dog bit the man” and “The man bit the dog” use the same words, and plain attention treats them alike apart from the order of the rows. Without position, the model cannot tell who bit whom.",
      "The original transformer fixes this by adding a position signal to each embedding before attention. The signal is made of sine and cosine waves. For position pos, entry 2i of the encoding PE(pos) is sin(pos / 10000^(2i/d_model)), and entry 2i+1 is cos(pos / 10000^(2i/d_model)).",
      "Each pair of entries is a wave with its own wavelength: quick in the first entries, very slow in the last. Together they give every position its own pattern, and positions a fixed distance apart are related in the same way wherever they occur. The encoding has width d_model, the same as the embeddings, and is simply added to them, so each vector now carries both what the token is and where it stands.",
      "With positions added, shuffling the words changes the input vectors themselves, so the attention numbers change too, not only their order.",
    ],
    tryThis: [
      "With the positional-encoding toggle off, press the shuffle button: the weight matrix keeps its numbers, and only its rows and columns move.",
      "Turn the positional-encoding toggle on and shuffle again: now the numbers themselves change.",
      "Shuffle a few times with the encoding off and follow one word's row; its values travel with the word.",
    ],
    takeaway:
      "Attention alone only permutes its results when tokens are shuffled, so transformers add sinusoidal positional encodings to the embeddings to make order count.",
    sources: [S000, S002, S004],
  },
  {
    id: "multi-head",
    objective:
      "Describe how multi-head attention splits d_model across several heads, joins their outputs and mixes them with W_O.",
    paragraphs: [
      "One attention pattern per layer is limiting. A pronoun may want to find the noun it stands for, its verb and its grammatical role all at once, and a single row of weights has to compromise between them.",
      "Multi-head attention runs several heads side by side. Each head has its own W_Q, W_K and W_V and computes its own weights and outputs. To keep the cost close to that of one wide head, each head works at width d_model / h. In the original transformer, d_model = 512 and h = 8, so each head has d_k = d_v = 64.",
      "The heads' outputs, each N × 64, are placed side by side into one N × 512 matrix. A final learned matrix, W_O (here 512 × 512), mixes them back into a single N × d_model result. In short: MultiHead = Concat(head_1, …, head_h)·W_O.",
      "Because each head starts from different random weights and all are trained together, heads can specialise: one may follow who did what, another adjectives and their nouns, another long-range links. That is a tendency seen in trained models, not a guarantee, and plenty of heads are hard to interpret.",
      "Large language models use the same design at a bigger scale: 32 to 128 heads per layer and embeddings thousands of numbers wide. In this lesson's scene the heads use seeded random weights unless you switch to “learned”, so their differences are not specialisations, just different projections. The small task models you can switch to here have one head per layer; with them the scene shows that head, trained on one task, and says what it does. The language model of step 23, trained on real English, has four heads in each of its two layers, and there the page measures what each head attends to.",
    ],
    tryThis: [
      "Use the head selector to switch between heads and compare their weight matrices for the same sentence.",
      "Pick one query and find two heads whose largest weight for it lands on different tokens.",
      "Work out the widths: with d_model = 512 and 8 heads, each head is 64 wide, and 8 × 64 brings the concatenation back to 512.",
    ],
    takeaway:
      "Multi-head attention runs h smaller heads with their own W_Q, W_K, W_V, concatenates their outputs and mixes them with W_O, so one layer can track several kinds of relation.",
    sources: [S002, S004],
  },
  {
    id: "mistake-lab",
    objective:
      "Recognise the classic implementation bugs in attention by their symptoms, and correct the common misunderstandings about what attention is.",
    paragraphs: [
      "Attention is short to write and easy to get subtly wrong. The bug toggles break the computation in three classic ways, and the demonstration under the scene shows a fourth, so you can see what each failure looks like.",
      "Softmax over the wrong axis. Softmax has to run along each row, across the keys, so every query hands out one unit of attention. Run it down the columns instead and the rows stop adding to 1. The code still runs and the loss may even fall a little, so the bug can hide for a long time.",
      "Missing √d_k. Nothing crashes. The model just trains slowly and badly, because saturated rows pass nearly all of the gradient to a single key. At d_k = 2 you can hardly see it; from 64 upward it does real harm.",
      "Mask after softmax. If you zero the future positions after normalising, the surviving weights no longer add to 1, and the future tokens have already leaked into the normalising total. The mask must set scores to −∞ before the softmax.",
      "A padding mask of the wrong shape. Sentences in a batch are padded to one length, and the pad flags must hide the pad keys from every query: a row of flags, shape (1, n). Written as a column, shape (n, 1), it broadcasts just as quietly, but it hides the pad queries instead and lets every real token attend to the padding. Below the scene, add pad tokens and watch the leak.",
      "Some mistakes live in the head rather than the code. The weights are not the meaning: they only say how much of each value to mix, and the new vector is the mix itself. A dot product alone is not attention: it only produces scores, and the full mechanism adds learned projections, a softmax and a mix of values. Attention is not always cheap: it runs in parallel, but the score grid has N² entries. Q, K and V are not three different words: they are three projections of the same token. And a token is not limited to nearby words: without a mask it can attend to any position.",
    ],
    tryThis: [
      "Turn on the wrong-axis bug toggle and add up one row of weights; it no longer comes to 1.",
      "With the mask on, turn on the mask-after-softmax bug and check a row's sum; it falls below 1 for every row except the last.",
      "Turn on the missing-√d_k bug and compare how peaked the rows look at a small and at a large d_k.",
      "Switch every bug toggle off again and confirm each row sums to 1; then write attention yourself in the step \u201cYour turn: write attention\u201d, where a grader names whichever of these bugs your code has.",
    ],
    takeaway:
      "Softmax goes along the keys, the √d_k stays in, the mask goes in before softmax, and the weights only decide how the values are mixed.",
    sources: [S004, S003],
  },
  {
    id: "cost",
    objective:
      "Compare self-attention with a recurrent network on parallel work, path length and the N² cost of the score matrix.",
    paragraphs: [
      "A recurrent network has to go in order: h3 needs h2, which needs h1. For 512 tokens that means 512 steps that cannot overlap. Self-attention has no such chain. All the scores come out of one matrix product, so a GPU can work on every pair at the same time.",
      "Reach improves too. In a recurrent network, information from token 1 gets to token N only after N − 1 hops, so the path grows like O(N) and fades along the way. In self-attention any two tokens are one hop apart, however far apart they sit: the path length is constant.",
      "The price is the score matrix. N tokens give N × N scores, so time and memory grow like N². Going from 1,000 to 2,000 tokens turns one million scores into four million, for every head in every layer.",
      "That quadratic wall is the main obstacle when transformers work on long inputs, and a great deal of later research, FlashAttention among it, is about getting around its cost. Parallel does not mean free.",
      "A side benefit: the weight matrix can be read by people, giving a partial view of which tokens shaped which outputs. It is a clue, not a full explanation of the model's behaviour.",
    ],
    tryThis: [
      "Use the controls to raise the number of tokens and watch the score grid grow with the square of N.",
      "Double the number of tokens and check that the number of scores goes up four times.",
      "Count the hops from the first token to the last in a recurrent chain of 10 tokens, then in self-attention.",
    ],
    takeaway:
      "Self-attention trades a slow, fading chain for one parallel step with constant path length, at the price of an N × N score matrix whose time and memory grow like N².",
    sources: [S001, S003, S004],
  },
  {
    id: "summary",
    objective:
      "Write the attention formula from memory and explain each factor by pointing to the step that built it.",
    paragraphs: [
      "Everything so far fits in one line: Attention(Q, K, V) = softmax(QKᵀ / √d_k)·V. Every factor in it was built in an earlier step.",
      "Read it from the inside out. The embeddings X are projected into queries Q, keys K and values V. QKᵀ scores every query against every key. Dividing by √d_k keeps those scores from spreading out as d_k grows. Softmax turns each row into shares that add to 1. Multiplying by V mixes the values by those shares, giving one contextual vector per token.",
      "Around that line sit the extras: a causal mask for generating text, positional encodings so that order counts, and several heads whose outputs are joined and mixed by W_O.",
      "Key takeaways. A word's vector should depend on its sentence. Queries and keys decide who listens to whom, and values decide what is heard. Scaling and softmax keep the shares stable and summing to 1. Any token can reach any other in one step, and the bill for that is N² scores.",
    ],
    tryThis: [
      "Use the controls to go back to the step behind any factor of the formula you are unsure about.",
      "Without looking back, explain in one sentence why the √d_k is there, then check your answer against the scaling step.",
      "Write the shapes for 4 tokens and d_k = 8: Q and K are 4 × 8, QKᵀ is 4 × 4, and the output has 4 rows.",
    ],
    takeaway:
      "softmax(QKᵀ / √d_k)·V is the whole of self-attention: project, score, scale, normalise, mix.",
    sources: [S003, S004, S002],
    formulaParts: [
      {
        part: "Q",
        meaning: "The queries: each token's embedding multiplied by W_Q, saying what that token is looking for.",
        stepId: "qkv",
      },
      {
        part: "Kᵀ",
        meaning: "The keys, each token's label for matching, turned on their side so one product can meet every query.",
        stepId: "qkv",
      },
      {
        part: "QKᵀ",
        meaning: "The N × N grid of dot products: every query scored against every key in a single multiplication.",
        stepId: "matrix-form",
      },
      {
        part: "/√d_k",
        meaning: "Dividing by the square root of the key width, so the scores keep a spread near 1 and softmax does not saturate.",
        stepId: "scaling",
      },
      {
        part: "softmax",
        meaning: "Applied along each row, it turns scores into positive shares of attention that add up to 1.",
        stepId: "softmax",
      },
      {
        part: "V",
        meaning: "The values, the content each token hands over, mixed by the weights into one new vector per token.",
        stepId: "qkv",
      },
    ],
  },
  {
    id: "watch-learning",
    objective:
      "Watch one attention layer learn, from random weights, that an adjective belongs to the noun it describes, and explain why the pattern is learned rather than programmed.",
    paragraphs: [
      "Every weight matrix in this lesson so far was either picked by hand or drawn at random. In a real model nobody writes W_Q, W_K and W_V: they start random, and training adjusts them one small step at a time so that the model's answers become less wrong.",
      "Here a tiny model with one attention layer learns one job. It reads sentences like \u201cthe animal didn't cross the street because it was too tired\u201d and must say, at the last word, which noun that adjective describes. Tired, sleepy or hungry go with the animal; wide, busy or icy with the street. Some combinations of nouns, adjectives and sentence shapes are never shown during training, so the held-out accuracy measures whether the model generalises instead of memorising.",
      "Each training step shows the model a batch of 32 sentences, measures how wrong it was (the loss), and nudges every weight downhill with backpropagation and the Adam optimiser, all computed by the lesson's own C++ engine. The chart draws three curves: the training loss falling, the held-out accuracy rising, and how much of the adjective's attention lands on the right noun in the probe sentence.",
      "The heatmaps are the probe sentence's attention weights for every layer and head, redrawn as the model trains. Watch the last row, the adjective's: with the seed we ship it starts spread over several words and ends up peaking on its noun (the line under the chart gives its weight on the noun at the first point and now). One layer is enough, because the adjective only has to find one word. A different seed starts from different random weights and may solve the task another way.",
    ],
    tryThis: [
      "Press Play and note the step at which held-out accuracy passes 95%; then press Reset, change the seed and compare.",
      "Set the learning rate to 1 and press Play: the weights overshoot and training stops with a message. Lower it and press Reset.",
      "Edit the probe sentence, for example swap \u201ctired\u201d for \u201cwide\u201d, and watch the prediction and the adjective's row change; then try 4 heads or a width of 16.",
    ],
    takeaway:
      "Attention patterns are learned: from random weights, gradient descent alone makes the adjective look at the noun it describes.",
    sources: [S002, S003, S004],
  },
  {
    id: "which-apple-learned",
    objective:
      "Watch attention learn to tell Apple the company from apple the fruit, by looking at the one neighbour that decides it.",
    paragraphs: [
      "Step 2 pictured the neighbours of \u201capple\u201d pulling its vector toward tech or toward fruit, and step 10 computed such pulls with random weights. Here the pulls are learned. The model reads short sentences such as \u201cshe bought apple phones\u201d or \u201cwe peeled the apple\u201d and must answer, at the word apple, company or fruit.",
      "The deciding word sits either after apple (phones, stock, juice, jam) or before it as a verb (rebooted, charged, peeled, sliced). The other words (who bought it, whether there is a \u201csome\u201d or a \u201ctoday\u201d) say nothing about which apple is meant. Some subject and sentence-shape combinations are held out of training.",
      "With the seed we ship, the apple row of the heatmap starts with its attention spread over the words, the least of it on the deciding word. As training goes on, it concentrates on the deciding word, wherever that word sits, because only that word's value helps the read-out get the answer right. Another seed may start with a row that already leans on one word by chance; the line under the chart gives the row's weight on the deciding word at the first point and now. That is the contextual representation of step 2, found by gradient descent instead of drawn by hand.",
    ],
    tryThis: [
      "Press Play, wait for 95%, then change the probe to \u201cwe sliced the apple\u201d: the apple row moves to the verb before it.",
      "Type \u201cshe bought apple\u201d with no deciding word and read what the model says, and why there is no right answer to compare with.",
      "Compare one head with four: do all heads end up on the same word?",
    ],
    takeaway:
      "Which sense a word takes is read from its context: training makes the word's attention row find the neighbour that decides it.",
    sources: [S003, S002, S004],
  },
  {
    id: "one-layer-limit",
    objective:
      "See that one attention layer cannot make \u201cit\u201d choose between two nouns by the adjective, measure where its accuracy stops, and explain why from how a single layer computes its weights.",
    paragraphs: [
      "Same sentences as in step 17, one change: the answer is now read at \u201cit\u201d, not at the adjective, and the question is whether \u201cit\u201d means the first noun or the second. The model still has a single attention layer. Press Play and watch the held-out accuracy: with the seed we ship it rises for a while, then levels off far below 95%, and more steps do not help. The line under the chart gives the measured numbers.",
      "Why? In one layer, the weight \u201cit\u201d gives each word comes from the query of \u201cit\u201d and that word's key. The query is built from the word \u201cit\u201d and its position alone, and each noun's key from that noun and its position. None of them depend on the adjective at the end of the sentence. So however training sets the weights, the adjective can only scale the two nouns' weights up or down together: the ratio between what \u201cit\u201d gives the animal and what it gives the street, and so the animal's share of the noun weight, is the same whether the sentence ends in tired or in wide. The line just above the heatmaps measures that share for the probe and its twin with the other kind of adjective.",
      "The adjective can still add its own value to the mix, and it can make the nouns together count for more or less. What it cannot do is swap which noun is favoured, yet that is exactly what the right answer needs when tired turns into wide. The read-out is left with a compromise that is right for many sentences and wrong for the rest.",
      "Seeds differ more here than anywhere else in the lesson. A few starting points find a detour that does not go through the nouns: the sentence shapes differ in other words too (only those that name the place first contain \u201cby\u201d, for example), and the softmax lets such words and the adjective compete for the weight of \u201cit\u201d. Such a run can score well while its \u201cit\u201d row points at no noun at all, a reminder that a good score does not show how a model got there.",
      "A second layer gives the direct route: in layer 1, \u201cit\u201d can take in the adjective, so its query in layer 2 differs between tired and wide and can point at the matching noun. Set Layers to 2 and Play again; step 20 looks at that model closely.",
    ],
    tryThis: [
      "Play for a few hundred steps and read the plateau line: how far below 95% does one layer stay?",
      "Compare the two ratios in the line just above the heatmaps at any point of training; then change the probe's nouns or sentence shape and compare again.",
      "Try a few other seeds. When one scores high, look at what the \u201cit\u201d row attends to: is it a noun?",
      "Set Layers to 2, which starts a new run, and Play: note where held-out accuracy ends up now.",
    ],
    takeaway:
      "In one attention layer, the weights of \u201cit\u201d come from queries and keys that cannot see the rest of the sentence, so a choice between two words that depends on a third needs a second layer (or a lucky detour).",
    sources: [S002, S004, S003],
  },
  {
    id: "two-layers",
    objective:
      "Watch a two-layer attention model learn, from random weights, that \u201cit\u201d refers to the noun its adjective describes, and say what each layer contributes.",
    paragraphs: [
      "This is step 19's question with the extra layer it lacked. The model reads the same sentences and must name, at \u201cit\u201d, the noun that \u201cit\u201d means: the animal when it was too tired, the street when it was too wide.",
      "Layer 1 lets every word gather information from the others; in particular \u201cit\u201d (or the adjective) can take in what kind of adjective ends the sentence. Its new vector feeds layer 2, so the query of \u201cit\u201d there is different for tired and for wide, and can point at the matching noun. The number of parameters grows a little; what grows most is what the model can express.",
      "Watch the \u201cit\u201d row of layer 2: once the model solves the task, it usually puts most of its weight on the right noun, and the weight curve on the chart climbs with the accuracy. A different seed starts from different random weights and may solve the task another way; the line just above the heatmaps always says where the row actually points.",
      "The probe also runs a second time with the other kind of adjective (wide for tired, and so on), and a line follows the adjective\u2019s route with the numbers of both sentences: how much weight \u201cit\u201d gives the adjective in layer 1, and how the \u201cit\u201d row of layer 2 splits its weight between the two nouns. The adjective does not have to reach \u201cit\u201d in both sentences: looking at one kind and not at the other is enough to make the two vectors differ.",
    ],
    tryThis: [
      "Press Play and note the step at which held-out accuracy passes 95%; compare it with step 17, where one layer sufficed for an easier read-out.",
      "Swap \u201ctired\u201d for \u201cwide\u201d in the probe and watch layer 2's \u201cit\u201d row move to the street.",
      "Try 2 or 4 heads: do they share the work, or does one head find the noun?",
    ],
    takeaway:
      "Stacking layers lets attention combine clues: after layer 1 the vector of \u201cit\u201d depends on the adjective, so the weights layer 2 gives \u201cit\u201d can pick the matching noun.",
    sources: [S002, S003, S004],
  },
  {
    id: "causal-learning",
    objective:
      "Train attention under the causal mask to copy the previous letter, and check that the learned weights never look ahead.",
    paragraphs: [
      "A language model predicts the next word, so during training no position may peek at the words after it: that is the causal mask of step 11. Here the mask is on for every layer, and the job is the simplest one that needs a position-based pattern: read a string of letters and say, at the last letter, which letter came just before it.",
      "The letters carry no meaning, so content cannot help. The model has to learn from the positions alone that the useful key is the one right before the query. Every training string has 5 to 9 letters. Some pairs of letters are held out of training, so the held-out accuracy shows whether it learned the rule rather than the pairs.",
      "In the heatmaps everything above the diagonal stays at zero whatever the weights are: the mask removes those entries before the softmax. Below the diagonal, training has to discover the pattern; watch the last row concentrate on the letter just before it. Patterns like this, a row looking at the previous position, are building blocks that larger language models use to copy and continue text.",
    ],
    tryThis: [
      "Press Play and check that the upper triangle of every heatmap stays zero from the first step to the last.",
      "Change the probe to another string of 5 to 9 of the letters a to h, for example \u201ch g f e d\u201d, and read the prediction. Then try 4 letters or 10: the model never saw those lengths, and what it learned about positions need not carry over.",
      "Compare one layer with two: which learns faster, and where does the second layer look?",
    ],
    takeaway:
      "Under the causal mask a model can still learn positional patterns such as \u201clook one back\u201d, and the mask guarantees it never learns to look ahead.",
    sources: [S003, S002, S004],
  },
  {
    id: "exercise",
    objective:
      "Write causal self-attention yourself and find out, from the numbers alone, which classic mistake a wrong version makes.",
    paragraphs: [
      "Reading attention is one thing; writing it is where the details bite. Here you write the function attention(x, wq, wk, wv, causal) in JavaScript: project the tokens into queries, keys and values, score every query against every key, divide by √d_k, hide the later keys when causal is true, take a softmax along each row and mix the values with the weights.",
      "Run checks your function on a handful of random inputs, some causal and some not, against this page's engine. Your code runs in a separate thread with a time limit, so an endless loop only costs you two seconds.",
      "When the numbers do not match, the grader does not just say no. It runs the engine again in its mistake modes (the softmax over the wrong axis, the mask after the softmax, no √d_k, a mask of the wrong shape) and tells you which one your output matches.",
      "Where the page's security policy does not allow running typed code, or you would rather not type, the fill-in version asks the same four questions as choices and checks the program they make.",
    ],
    tryThis: [
      "Get a pass first. Then break your own solution on purpose, one line at a time, and see whether the grader names what you broke.",
      "Swap j > i for j < i in the mask and read what the grader says about the shape of your mask.",
    ],
    takeaway:
      "A correct attention function has rows that sum to 1, nothing above the diagonal when causal, scores divided by √d_k before the mask, and the mask before the softmax; each of the classic bugs breaks exactly one of these.",
    sources: [S004],
  },
  {
    id: "real-model",
    objective:
      "Read the attention maps of a small language model trained on real English, name what its heads measurably do, and tell the patterns it learned from the ones the lesson's pictures promised but it did not learn.",
    paragraphs: [
      "Every matrix so far came from weights picked by hand, drawn at random, or trained on a toy grammar. This step runs a real, if tiny, language model: two layers of four heads each, trained by this lesson's own C++ code on about 48,000 short English example sentences from WordNet, with one job: guess the next word.",
      "The model knows a fixed list of 4,000 tokens. Any other word becomes one shared unknown-word token, so the model sees “bubbe” and “matzah” as the same blank. The token row marks those words; their rows and columns in the maps carry a star.",
      "The grid shows all eight heads at once, one small map each, in the order the model computes them. Pick one to see it large, then move the query scrubber: the bars are that query's row, the shares it gives to itself and to each earlier token. Later tokens always get 0, because this is a decoder that may not peek at the words it has to predict.",
      "Each head's role is measured, never assumed: the training script averaged every head's weights over 500 held-out sentences, and the page measures the same patterns again on your sentence. A head is named only when one pattern takes at least 0.3 of its weight and at least twice what spreading it evenly would give.",
      "The presets come from the lesson's sources. Their pictures are illustrations of what attention could do; this small model does some of it and not the rest, and the step says which, with the numbers.",
    ],
    tryThis: [
      "Open the animal preset and read what happens to “it”: does any head link it to “animal”? Compare with the share an even spread would give.",
      "Type a sentence with a rare word, such as a name, and watch it become the unknown-word token; see whether the next-word guesses change.",
      "Find the head that looks at the word itself and the one that looks at the previous word; check their shares on your sentence against the held-out averages.",
    ],
    takeaway:
      "A trained model's heads do measurable, often simple jobs (look at this word, the previous one, the last noun); richer links such as “it” → “animal” need more data and size than this model has.",
    sources: [S000, S002, S003, S004],
  },
  {
    id: "transformer-block",
    objective:
      "Place self-attention inside a whole transformer: follow one token's vector through embedding, position, attention, the residual adds, the norms, the feed-forward block and the output layer, and explain what the causal mask changes compared with an encoder.",
    paragraphs: [
      "Attention is one box of many. A transformer first turns each token into a vector (its embedding plus a vector for its position), then sends all the vectors through a stack of identical layers, and finally scores every word of the vocabulary to guess what comes next.",
      "Each layer has two parts. Attention lets every token take in information from the others; a feed-forward network then works on each token alone. Around both, a residual connection adds the part's output back onto its input, so nothing the token already carried is thrown away, and a layer normalisation keeps the numbers at a steady scale.",
      "The boxes below are the real numbers of the small model from the previous step, for the token you pick. The strip in each box is that token's vector, one cell per number (warm for positive, cool for negative, scaled to the box's own largest value); the text under it gives the numbers themselves.",
      "This model is a decoder, so its attention is masked: a token sees itself and the tokens before it, never the ones after. The step measures what that means: add a word at the end and every earlier vector stays as it was. An encoder lets every token see the whole text instead, which suits understanding a passage but not predicting its next word.",
      "The legend says what each part does in a sentence, and the last table puts this model next to the sizes the lesson's sources give for a small transformer and for a modern large language model. The maths is the same; the numbers are not.",
    ],
    tryThis: [
      "Follow the last token and compare the length of its vector before and after each add: how much does attention change it in layer 1, and in layer 2?",
      "Pick the first word, then type more words after it: watch its boxes stay the same while the last token's boxes change.",
      "Read the linear + softmax box for a word in the middle of the sentence: is the word that really comes next among the model's five guesses?",
    ],
    takeaway:
      "A transformer is embedding and position, then layers of attention and feed-forward each wrapped in an add and a norm, then a linear layer and softmax; in a decoder the mask keeps every token blind to what follows.",
    sources: [S002, S004],
  },
];

// The text of each step with its registry title and number: [{ id, number, title, objective, … }].
export const STEPS = STEP_LIST.map((info) => {
  const text = TEXTS.find((t) => t.id === info.id);
  if (!text) throw new Error(`No lesson text for step ${info.id}.`);
  return { ...text, ...info };
});
